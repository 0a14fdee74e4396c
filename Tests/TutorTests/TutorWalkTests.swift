import Course
import TestSupport
import XCTest

/// A learner walking the feature lesson at the tutor's prompt, in each
/// language: every word the tutor says, compared with the transcript kept
/// in Tests/TutorTests/Transcripts.
final class TutorWalkTests: XCTestCase {
    private let walk = [
        "help", "lessons", "start feature", "next", "back", "show subnet", "hint", "hint", "hint", "check", "show vpc", "do", "next",
        "do", "check", "status", "next", "do", "y", "status", "frob", "show nope", "quiz", "lang", "reset", "n", "start quiz",
    ]

    func testEnglishWalk() async throws {
        let harness = try TutorHarness(region: "eu-north-1")
        var transcript = try await harness.session(walk + ["show quiz", "quiz 1", "quiz 2", "lessons", "quit", "y"], language: .en)
        // The learner comes back, and cleans up the rest.
        transcript += try await harness.session(["cleanup all", "y", "lessons"], language: .en)
        try Snapshot.assert(transcript, named: "walk.en.txt", in: "Tests/TutorTests/Transcripts")
    }

    func testChineseWalk() async throws {
        let harness = try TutorHarness(region: "ap-south-2")
        var transcript = try await harness.session(walk + ["show quiz", "quiz 1", "quiz 2", "lessons", "quit", "是"], language: .zh)
        transcript += try await harness.session(["cleanup all", "好", "lessons"], language: .zh)
        try Snapshot.assert(transcript, named: "walk.zh.txt", in: "Tests/TutorTests/Transcripts")
    }
}

import Course
import Foundation
import TestSupport
import Tutor
import XCTest

/// The shipped course on a sandbox the tutor starts for itself, as a
/// learner without an account meets it: nothing the tutor started on this
/// machine outlives it.
final class TutorSandboxTests: XCTestCase {
    private func harness() throws -> TutorHarness {
        var harness = try TutorHarness(region: "ap-northeast-1")
        harness.sandbox = true
        harness.course = TutorHarness.shippedCourse
        return harness
    }

    private func isRunning(_ pid: Int32) -> Bool {
        // A zombie has no command line; only a live process counts.
        kill(pid, 0) == 0 && !((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "").isEmpty
    }

    /// `prepare` has the tutor do the earlier lessons the current one builds
    /// on after one question, and leaves the learner where they were.
    func testPrepareDoesTheRequiredLessonsAfterOneQuestion() async throws {
        let harness = try harness()
        let (transcript, session) = try await harness.run(["start clusters", "prepare", "y", "lessons", "prepare", "quit", "y"])
        let lines = transcript.split(separator: "\n").map(String.init)
        func index(_ text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
        XCTAssertNotNil(index("do them first: iam-roles, network (type start iam-roles). Or type prepare to have the tutor do them for you."), transcript)
        let asked = try XCTUnwrap(index(
            "The tutor will do these lessons for you: iam-roles, network. Some of what they create is billed by the hour (about $0.067 an hour). Go ahead? [y/N] y"),
            transcript)
        let done = try XCTUnwrap(index("Everything clusters builds on is in place. Type show to go on with the lesson."), transcript)
        XCTAssertTrue(lines[asked..<done].contains("== network/nat-gateway: The NAT gateway in a public subnet (billed by the hour) =="), transcript)
        XCTAssertTrue(lines[asked..<done].contains("Score: 14/14 (100%): 5 passed, 0 failed, 0 skipped, 0 errors"), transcript)
        XCTAssertTrue(lines.contains("3. iam-roles  IAM roles for ECS  6/6 done"), transcript)
        XCTAssertTrue(lines.contains("4. network  The network  7/7 done"), transcript)
        XCTAssertTrue(lines.contains("5. clusters  Clusters: Fargate and EC2  0/10 done"), transcript)
        XCTAssertNotNil(index("Everything clusters builds on is done already; nothing to prepare."), transcript)
        // The NAT gateway, its address and their two timer schedules.
        XCTAssertNotNil(index("Deleted 4 resources, saving about $0.067 an hour."), transcript)
        // The learner is still at the lesson they started.
        XCTAssertEqual(session.workspace.progress.currentLesson, "clusters")
        XCTAssertEqual(session.workspace.progress.currentStep, "two-kinds")
        let server = try XCTUnwrap(session.workspace.sandbox?.record.pid)
        XCTAssertFalse(isRunning(server), "the sandbox server the tutor started ends when the learner leaves")
    }

    /// The app lesson 6 starts on this machine is stopped when the learner
    /// leaves, after the tutor says so; it lives in the learner's `$HOME`.
    func testLeavingStopsTheAppTheLessonStarted() async throws {
        let harness = try harness()
        let (transcript, session) = try await harness.run(["start web-app", "do scaffold", "do run-locally", "quit"], tools: FixedTools(["node"]))
        let started = try XCTUnwrap(transcript.range(of: "on this machine (process "), transcript)
        let pid = try XCTUnwrap(Int32(transcript[started.upperBound...].prefix { $0.isNumber }), transcript)
        XCTAssertTrue(transcript.contains("Laid out the app in ~/ecslab-web"), transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: harness.state.appendingPathComponent("ecslab-web/app.js").path), "the app is in the learner's HOME")
        XCTAssertTrue(transcript.contains("""
            ecslab web-app/run-locally> quit
            Stopping `node app.js` (process \(pid)), which the lesson started on this machine.
            Goodbye! Your progress is saved.
            """), transcript)
        XCTAssertFalse(isRunning(pid), "the app does not outlive the tutor")
        XCTAssertFalse(isRunning(try XCTUnwrap(session.workspace.sandbox?.record.pid)))
    }

    /// The task's public IP is filled into the text that tells the learner
    /// to open it, and in the sandbox the address a browser here can open.
    func testTheTaskPageTextNamesTheTasksAddress() async throws {
        let harness = try harness()
        let (transcript, _) = try await harness.run(
            ["start fargate-task", "prepare", "y", "do log-group", "do task-definition", "do task-security-group", "do run-task", "y", "show check-http", "quit", "y"], tools: FixedTools(["node"]))
        let shown = try XCTUnwrap(transcript.range(of: "== fargate-task/check-http (6/7)"), transcript)
        let text = String(transcript[shown.lowerBound...])
        XCTAssertFalse(text.contains("<task_public_ip>"), text)
        XCTAssertNotNil(text.range(of: #"Open http://[0-9.]+/ in a browser"#, options: .regularExpression), text)
        XCTAssertNotNil(
            text.range(of: #"sandbox \(simulated\): IP is http://IP:[0-9]+/ on this machine; open that in a browser\."#, options: .regularExpression), text)
    }
}

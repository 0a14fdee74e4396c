import Course
import Foundation
import Synchronization
@testable import Tutor
import XCTest

/// The parts of class grading that need no account: slicing a roster,
/// merging shards, and pacing one account's calls.
final class ClassGradingTests: XCTestCase {
    private func roster(_ count: Int) -> [RosterEntry] {
        (0..<count).map { index in
            RosterEntry(
                id: String(format: "s%02d", index + 1), name: "Learner \(index + 1)",
                access: .role(arn: "arn:aws:iam::2000000000\(String(format: "%02d", index)):role/ecslab-grader", externalID: "x", sourceProfile: nil),
                line: index + 2, index: index)
        }
    }

    func testShardsDealTheRosterOutEvenlyAndEachRowToExactlyOne() throws {
        let entries = roster(30)
        let shards = try (1...4).map { try RosterShard.parse("\($0)/4") }
        let slices = shards.map { shard in entries.filter(shard.contains).map(\.id) }
        XCTAssertEqual(slices.map(\.count), [8, 8, 7, 7])
        XCTAssertEqual(Set(slices.flatMap { $0 }).count, 30)
        XCTAssertEqual(slices[0].prefix(3), ["s01", "s05", "s09"])
        // The same roster always gives the same slice.
        XCTAssertEqual(entries.filter(try RosterShard.parse("2/4").contains).map(\.id), slices[1])
    }

    func testABadShardIsAUsageError() {
        for text in ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3", ""] {
            XCTAssertThrowsError(try RosterShard.parse(text), text) { error in
                XCTAssertEqual((error as? CommandFailure)?.status, 2, text)
            }
        }
    }

    private func grade(_ learners: [LearnerGrade], shard: String? = nil, lessons: [String] = [], at time: String = "2026-12-02T10:00:00Z") -> ClassGrade {
        ClassGrade(
            provenance: GradeProvenance(
                ecslabVersion: "0.1.0", checkFiles: [CheckFileVersion(path: "checks/04-network.yaml", sha256: "sha256:ab")], gradedAt: time,
                region: "ap-northeast-1", language: .en, lessons: lessons, shard: shard),
            checks: [GradedCheck(id: "vpc-exists", lesson: "network", title: "The VPC", points: 2)], learners: learners)
    }

    private func learner(_ index: Int) -> LearnerGrade {
        LearnerGrade(
            id: String(format: "s%02d", index + 1), name: "L", rosterIndex: index, account: "2000000000\(String(format: "%02d", index))",
            region: "ap-northeast-1", gradedAt: "2026-12-02T10:00:0\(index)Z", outcome: .graded,
            results: [LearnerCheckResult(check: "vpc-exists", lesson: "network", status: .passed, points: 2, possible: 2)])
    }

    func testMergedShardsAreInRosterOrderWithTheWholeRostersProvenance() throws {
        let whole = grade((0..<5).map(learner))
        let shards = [(0, "1/2"), (1, "2/2")].map { offset, name in
            (folder: "shard-\(offset)", grade: grade(stride(from: offset, to: 5, by: 2).map(learner), shard: name, at: "2026-12-02T10:0\(offset):00Z"))
        }
        let merged = try ClassGradeMerge.merge(shards.reversed(), language: .en)
        XCTAssertEqual(merged.learners.map(\.id), ["s01", "s02", "s03", "s04", "s05"])
        XCTAssertNil(merged.provenance.shard)
        XCTAssertEqual(merged.provenance.gradedAt, "2026-12-02T10:00:00Z", "the earliest shard's start")
        XCTAssertEqual(merged, whole)
    }

    func testShardsOfDifferentGradesDoNotMerge() {
        let first = (folder: "a", grade: grade([learner(0)]))
        var otherChecks = grade([learner(1)])
        otherChecks.provenance.checkFiles = [CheckFileVersion(path: "checks/04-network.yaml", sha256: "sha256:cd")]
        var otherLanguage = grade([learner(1)])
        otherLanguage.provenance.language = .zh
        for (other, words) in [(otherChecks, "check files"), (otherLanguage, "Chinese"), (grade([learner(0)]), "also in a")] {
            XCTAssertThrowsError(try ClassGradeMerge.merge([first, (folder: "b", grade: other)], language: .en)) { error in
                let failure = error as? CommandFailure
                XCTAssertEqual(failure?.status, 2)
                XCTAssertTrue(failure?.message.contains("cannot merge b") ?? false, failure?.message ?? "")
                XCTAssertTrue(failure?.message.contains(words) ?? false, failure?.message ?? "")
            }
        }
    }

    func testADeadlineGivesUpOnWorkThatIgnoresCancellation() async {
        let quick = await Deadline.race(seconds: 5) { 42 }
        XCTAssertEqual(quick, 42)
        let started = Date()
        // An unstructured task is not cancelled with the one awaiting it,
        // as a shared credentials refresh is not.
        let stuck = await Deadline.race(seconds: 0.2) { await Task { try? await Task.sleep(nanoseconds: 3_000_000_000); return 1 }.value }
        XCTAssertNil(stuck)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "given up at the limit, not when the work ended")
    }

    func testThePaceWaitsAfterItsBurstAndHalvesWhenThrottled() async throws {
        let clock = TestClock()
        let pace = AccountPace(rate: 10, now: { clock.now }, sleep: { clock.advance($0) })
        for _ in 0..<10 { try await pace.admit() }
        XCTAssertEqual(clock.slept, 0, "the first burst waits for nothing")
        try await pace.admit()
        XCTAssertEqual(clock.slept, 0.1, accuracy: 0.001, "then one call each tenth of a second")
        await pace.throttled()
        let rate = await pace.rate
        XCTAssertEqual(rate, 5)
        let before = clock.slept
        try await pace.admit()
        XCTAssertEqual(clock.slept - before, 0.2, accuracy: 0.001, "throttled, half as fast")
        for _ in 0..<40 { await pace.succeeded() }
        let recovered = await pace.rate
        XCTAssertEqual(recovered, 10, "it wins its full rate back")
    }
}

/// A clock that moves only when the pace sleeps.
private final class TestClock: Sendable {
    private let state = Mutex<(time: Double, slept: Double)>((100, 0))
    var now: Double { state.withLock { $0.time } }
    var slept: Double { state.withLock { $0.slept } }
    func advance(_ seconds: Double) {
        state.withLock {
            $0.time += seconds
            $0.slept += seconds
        }
    }
}

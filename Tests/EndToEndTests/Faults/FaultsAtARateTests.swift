import Foundation
import Synchronization
import TestSupport
import XCTest

/// The course on a bad day: a learner's every call goes through
/// builders/fault_proxy.py, which breaks 10% of them in one run and 30% in
/// another (error answers in each protocol's shape, resets, dropped
/// connections, slow and truncated answers; for a call that changes
/// something, before it reaches moto or after moto made the change). Each
/// rate has a fresh account on a moto server of its own, and the two run
/// at once. Through the proxy, faults on all along: `ecslab do clusters
/// --yes --with-requirements` must finish, `ecslab check clusters` must give
/// full marks, and `ecslab cleanup all --yes` must leave nothing carrying the
/// course tag, by an inventory made with boto3 straight against moto. No
/// resource may exist twice, every fault that broke an attempt must have
/// been retried, and one line per rate tells the calls, faults and retries.
///
/// The proxy lets a request through after two faults in a row, so that the
/// SDKs' standard three attempts (ecslab's default too) always suffice:
/// what is tested is that ecslab retries what it should and survives what
/// a retry then meets, not that luck holds over hundreds of calls.
/// A stall here stays inside ecslab's per-call timeout of 60 s, which has no
/// setting; a stall past it (the proxy's `hang` kind) would cost a minute each.
///
/// CI runs it with the rest of `scripts/test`; alone, with the 100% tests:
///
///     scripts/test --filter Faults
///
/// By hand, the whole course (each lesson's `do --with-requirements` and
/// `check` in order, then `cleanup all`), each rate compared with the same
/// run without faults, since some lessons cannot finish on plain moto:
///
///     ECSLAB_TEST_FAULT_LESSONS=all scripts/test --filter FaultsAtARateTests
///
/// `ECSLAB_TEST_FAULT_LESSONS=network,clusters` takes a list instead,
/// `ECSLAB_TEST_FAULT_SEED=N` changes the seeds (N for 10%, N+1 for 30%),
/// `ECSLAB_TEST_FAULT_KINDS=500,hang,...` the mix (`hang` holds an answer past
/// the 60 s timeout, a minute a time), and `ECSLAB_TEST_FAULT_PLACES` where
/// they strike: `before` moto sees a call, `after` it made the change, or
/// `both` (the default).
final class FaultsAtARateTests: XCTestCase {
    static let rates = [10, 30]

    private var servers: [OwnMotoServer] = []

    override func tearDown() {
        servers.forEach { $0.stop() }
        servers = []
        super.tearDown()
    }

    func testTheCourseGetsThroughFaults() throws {
        let lessons = try FaultedLessons.fromEnvironment()
        let environment = ProcessInfo.processInfo.environment
        let seed = Int(environment["ECSLAB_TEST_FAULT_SEED"] ?? "") ?? 1
        let kinds = environment["ECSLAB_TEST_FAULT_KINDS"].map { $0.split(separator: ",").map(String.init) }
        let asked = environment["ECSLAB_TEST_FAULT_PLACES"].flatMap { $0.isEmpty ? nil : $0 } ?? "both"
        let places: String? = asked == "both" ? nil : asked
        let faulted: [(label: String, settings: FaultProxy.Settings?)] = Self.rates.enumerated().map { index, percent in
            ("\(percent)%", FaultProxy.Settings(rate: Double(percent) / 100, seed: seed + index, kinds: kinds, maxInARow: 2, places: places))
        }
        let jobs = faulted + (lessons.byHand ? [("baseline", nil)] : [])
        servers = try jobs.map { _ in try OwnMotoServer() }
        let servers = self.servers
        // A hung command fails its run rather than the whole suite's time.
        let timeout: TimeInterval = lessons.byHand ? 1800 : 300
        let finished = Mutex<[Int: FaultedCourseRun]>([:])
        // Threads, not tasks: every step blocks on a child process.
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            let run = FaultedCourseRun.run(job.label, lessons: lessons.ids, settings: job.settings, server: servers[index], timeout: timeout)
            finished.withLock { $0[index] = run }
        }
        let runs = finished.withLock { results in jobs.indices.compactMap { results[$0] } }
        for run in runs { print(run.summary) }

        let baseline = runs.first { $0.settings == nil }
        if let baseline { assertFinished(baseline, like: nil, lessons: lessons) }
        for run in runs where run.settings != nil { assertFinished(run, like: baseline, lessons: lessons) }

        // Over both rates, every kind of fault struck, and some struck a
        // change moto had made: otherwise the runs above prove less than they say.
        let struck = runs.flatMap(\.faults.faults)
        let struckKinds = Set(struck.map(\.kind))
        if places == nil {
            for kind in kinds ?? ["500", "503", "throttle", "reset", "drop", "stall", "truncate"] {
                XCTAssert(struckKinds.contains(kind), "no \(kind) fault was injected in any run")
            }
        }
        if places != "before" {
            XCTAssert(struck.contains(where: \.brokeAMadeChange), "no fault struck a change after moto had made it")
        }
    }

    /// A faulted run came out as a run without faults does: full marks in
    /// CI, or in a by-hand run the baseline's own outcome.
    private func assertFinished(_ run: FaultedCourseRun, like baseline: FaultedCourseRun?, lessons: FaultedLessons) {
        let label = "faults \(run.label)"
        if let error = run.error {
            XCTFail("\(label): \(error)")
            return
        }
        XCTAssertEqual(run.lessons.map(\.id), lessons.ids, "\(label): every lesson ran")
        for (index, lesson) in run.lessons.enumerated() {
            let expected = baseline.map { $0.lessons[index] }
            if let expected {
                XCTAssertEqual(lesson.perform.outcome.status, expected.perform.outcome.status, "\(label) \(lesson.id): \(lesson.perform.story)")
                XCTAssertEqual(lesson.report?.score, expected.report?.score, "\(label) \(lesson.id) marks, not passed:\n\(lesson.notPassed)")
                XCTAssertEqual(lesson.report?.possible, expected.report?.possible, "\(label) \(lesson.id) marks possible")
            } else if lessons.byHand {
                // The baseline itself: it must at least have finished its commands.
                XCTAssertNotNil(lesson.report, "\(label) \(lesson.id): check gave no report: \(lesson.check.story)")
            } else {
                XCTAssertEqual(lesson.perform.outcome.status, 0, "\(label) \(lesson.id): \(lesson.perform.story)")
                if let report = lesson.report {
                    XCTAssertEqual(lesson.check.outcome.status, 0, "\(label) \(lesson.id): check exited \(lesson.check.outcome.status):\n\(lesson.notPassed)")
                    XCTAssertEqual(report.score, Double(report.possible), "\(label) \(lesson.id): full marks, not:\n\(lesson.notPassed)")
                    XCTAssertEqual(report.failed + report.errors, 0, "\(label) \(lesson.id): nothing failed")
                } else {
                    XCTFail("\(label) \(lesson.id): check gave no JSON report: \(lesson.check.story)")
                }
            }
        }
        for group in run.doubled {
            XCTFail("\(label): made twice:\n\(Inventory.describe(group))")
        }
        for command in run.commands {
            XCTAssertGreaterThanOrEqual(
                command.retries + command.lookedInto, command.faults.failing,
                "\(label): every fault that broke an attempt is retried, or looked into first (\(command.faults.byKind)): \(command.story)")
        }
        if run.settings != nil {
            XCTAssertGreaterThan(run.faults.faults.count, 0, "\(label): the proxy injected no fault")
        }
        guard let cleanup = run.cleanup else { return XCTFail("\(label): cleanup did not run") }
        XCTAssertEqual(cleanup.outcome.status, 0, "\(label): \(cleanup.story)")
        XCTAssertEqual(run.left.count, 0, "\(label): left after cleanup all:\n\(Inventory.describe(run.left))\n\(cleanup.story)")
    }
}

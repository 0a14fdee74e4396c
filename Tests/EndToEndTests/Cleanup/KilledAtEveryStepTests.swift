import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A learner's laptop dies at every single call that changes the account:
/// for N = 1, 2, … ecslab runs `do network --yes` then `do clusters --yes
/// --with-requirements` through builders/kill_proxy.py, which passes the
/// Nth changing call on to moto and holds its answer back; ecslab is killed
/// with SIGKILL right then, with the resource made but its result never
/// written to the ledger. Then `cleanup all --yes`, straight to moto, must
/// exit 0 and leave nothing carrying the course tag. N grows until a run
/// finishes without the proxy reaching N: then every changing call of both
/// lessons has had its crash.
///
/// Every N gets a fresh account (state never leaks from one N to the next)
/// and its own state folder. The runs are spread over a few workers, each
/// with a moto server of its own, since moto answers one request at a time
/// per server; `ECSLAB_TEST_KILL_WORKERS` changes how many.
final class KilledAtEveryStepTests: XCTestCase {
    static let commands = [["do", "network", "--yes"], ["do", "clusters", "--yes", "--with-requirements"]]

    private var servers: [OwnMotoServer] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        let count = Int(ProcessInfo.processInfo.environment["ECSLAB_TEST_KILL_WORKERS"] ?? "") ?? 3
        servers = try (0..<max(1, count)).map { _ in try OwnMotoServer() }
    }

    override func tearDown() {
        servers.forEach { $0.stop() }
        servers = []
        super.tearDown()
    }

    /// What one N came to.
    struct KilledRun: Sendable {
        var n: Int
        /// The proxy's `killed-at N OPERATION`, or nil when the lessons
        /// finished before the Nth changing call.
        var killedAt: String?
        /// A `do` that failed on its own (not killed): that is a failure too.
        var doFailure: String?
        var cleanup: Run.Outcome?
        var left: [Inventory.Resource]
        var error: String?
        var calls: [String]

        /// Both lessons ran to their end, neither killed nor failing.
        var finished: Bool { killedAt == nil && doFailure == nil && error == nil }
    }

    func testCleanupLeavesNothingWhereverDoWasKilled() throws {
        let servers = self.servers
        let started = Date()
        let plan = KillPlan()
        let group = DispatchGroup()
        for server in servers {
            group.enter()
            // Threads of their own: every step blocks on a child process.
            Thread {
                defer { group.leave() }
                var spare: [LearnerAccount] = []
                while let n = plan.next() {
                    do {
                        if spare.isEmpty { spare = try LearnerAccount.make(8, on: server.url) }
                        let account = spare.removeFirst()
                        defer { account.remove() }
                        let run = try Self.killedRun(n, account)
                        plan.record(run)
                    } catch {
                        plan.record(KilledRun(n: n, left: [], error: "\(error)", calls: []))
                    }
                }
                spare.forEach { $0.remove() }
            }.start()
        }
        group.wait()

        let runs = plan.runs.sorted { $0.n < $1.n }
        let finished = try XCTUnwrap(runs.first(where: \.finished), "no run got through both lessons:\n\(runs.last.map { "\($0)" } ?? "")")
        let killed = runs.filter { $0.n < finished.n }
        let left = runs.reduce(0) { $0 + $1.left.count }
        let failedCleanups = runs.filter { ($0.cleanup?.status ?? -1) != 0 }.count
        for run in runs {
            print("kill-at-every-step N=\(run.n): \(run.killedAt ?? "not killed"), cleanup exit \(run.cleanup?.status ?? -1), resources left \(run.left.count)")
        }
        // The time is printed for the record, never asserted.
        print("kill-at-every-step: steps killed \(killed.count), changing calls \(finished.calls.count), resources left \(left), "
            + "cleanups not exiting 0 \(failedCleanups), workers \(servers.count), \(Int(Date().timeIntervalSince(started))) s")

        XCTAssertEqual(killed.map(\.n), Array(1..<finished.n), "every N below the first run that finished was tried")
        XCTAssertGreaterThan(killed.count, 20, "both lessons make more than 20 changing calls")
        XCTAssertEqual(finished.calls.count, finished.n - 1, "the run that finished made N-1 changing calls")
        for run in runs {
            let story = "N=\(run.n) \(run.killedAt ?? "not killed")"
            if let error = run.error {
                XCTFail("\(story): \(error)")
                continue
            }
            XCTAssert(run.killedAt != nil || run.n >= finished.n, "\(story): a run below \(finished.n) ran without its kill")
            XCTAssertNil(run.doFailure, "\(story): \(run.doFailure ?? "")")
            XCTAssertEqual(run.cleanup?.status, 0, "\(story): cleanup all exited \(run.cleanup?.status ?? -1):\n\(run.cleanup?.said.suffix(3000) ?? "")")
            XCTAssertEqual(run.left.count, 0, "\(story): left after cleanup all:\n\(Inventory.describe(run.left))\n\(run.cleanup?.said.suffix(3000) ?? "")")
        }
    }

    /// Runs both lessons through a proxy that kills at N, then cleanup
    /// straight to moto, then the inventory.
    static func killedRun(_ n: Int, _ account: LearnerAccount) throws -> KilledRun {
        let proxy = try KillProxy(upstream: account.endpoint, killAt: n, python: account.python, folder: account.folder)
        defer { proxy.stop() }
        var run = KilledRun(n: n, left: [], calls: [])
        for (index, command) in commands.enumerated() {
            let output = account.folder.appendingPathComponent("do-\(index).txt")
            let (status, killed) = try proxy.run(account.ecslab, command, environment: account.environment, output: output)
            if killed { break }
            if status != 0 {
                let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                run.doFailure = "ecslab \(command.joined(separator: " ")) exited \(status):\n\(said.suffix(3000))"
                break
            }
        }
        run.killedAt = proxy.killedAt
        run.calls = proxy.countedCalls
        proxy.stop()
        run.cleanup = try account.ecslab(["cleanup", "all", "--yes"])
        run.left = try account.inventory().resources
        return run
    }
}

import Foundation

/// Which N to try next, shared by the kill test's workers: N counts up
/// until some run finishes without being killed, after which no larger N is
/// handed out; and never past `limit`, so that a `do` that fails every time
/// ends the test instead of running it forever.
final class KillPlan: @unchecked Sendable {
    static let limit = 200

    private let lock = NSLock()
    private var nextN = 1
    private var firstFinished = Int.max
    private var done: [KilledAtEveryStepTests.KilledRun] = []

    func next() -> Int? {
        lock.withLock {
            guard nextN < firstFinished, nextN <= Self.limit else { return nil }
            defer { nextN += 1 }
            return nextN
        }
    }

    func record(_ run: KilledAtEveryStepTests.KilledRun) {
        lock.withLock {
            done.append(run)
            if run.finished { firstFinished = min(firstFinished, run.n) }
        }
    }

    var runs: [KilledAtEveryStepTests.KilledRun] { lock.withLock { done } }
}

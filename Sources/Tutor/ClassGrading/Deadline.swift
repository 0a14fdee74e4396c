import Foundation
import Synchronization

/// Runs work against a time limit and gives up on it at the limit, without
/// waiting for it to notice. A task group would wait for its cancelled child,
/// and a call stuck where cancellation does not reach (a credentials refresh
/// that other callers share) would then hold the learner well past the limit.
enum Deadline {
    private struct Race<T: Sendable>: Sendable {
        var decided = false
        /// The outcome, when it came before anyone waited for it.
        var outcome: T?
        var waiting: CheckedContinuation<T?, Never>?
    }

    /// What the worker, the timer and the waiter share.
    private final class Shared<T: Sendable>: Sendable {
        let race = Mutex(Race<T>())

        func decide(_ value: T?) {
            let waiting = race.withLock { race -> CheckedContinuation<T?, Never>? in
                guard !race.decided else { return nil }
                race.decided = true
                race.outcome = value
                return race.waiting
            }
            waiting?.resume(returning: value)
        }
    }

    /// The work's result, or nil when `seconds` passed first; the work is
    /// then cancelled and left to end on its own.
    static func race<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () async -> T) async -> T? {
        let shared = Shared<T>()
        let worker = Task { shared.decide(await work()) }
        let timer = Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            shared.decide(nil)
        }
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let decided = shared.race.withLock { race -> (Bool, T?) in
                if !race.decided { race.waiting = continuation }
                return (race.decided, race.outcome)
            }
            if decided.0 { continuation.resume(returning: decided.1) }
        }
        worker.cancel()
        timer.cancel()
        return result
    }
}

import Synchronization

/// Ctrl-C during a long command: the command's task is cancelled and the
/// tutor returns to its prompt at once, even when the work underneath (a
/// network call) only notices the cancellation later.
public final class Interruption: Sendable {
    private struct Running: Sendable {
        var cancel: @Sendable () -> Void
        var resume: @Sendable () -> Void
    }

    private let running = Mutex<Running?>(nil)

    public init() {}

    /// Runs `body` until it ends or `interrupt()` is called; an interrupted
    /// run throws `CancellationError`.
    public func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        defer { finished() }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let finish: @Sendable (Result<T, any Error>) -> Void = { result in
                let first = outcome.withLock { stored -> Bool in
                    if stored != nil { return false }
                    stored = result
                    return true
                }
                if first { continuation.resume(with: result) }
            }
            let task = Task {
                do {
                    finish(.success(try await body()))
                } catch {
                    finish(.failure(error))
                }
            }
            running.withLock {
                $0 = Running(cancel: { task.cancel() }, resume: { finish(.failure(CancellationError())) })
            }
        }
    }

    /// True while a command can be interrupted.
    public var isRunning: Bool { running.withLock { $0 != nil } }

    /// Stops the running command, if any; returns whether there was one.
    @discardableResult
    public func interrupt() -> Bool {
        guard let current = running.withLock({ running -> Running? in
            let current = running
            running = nil
            return current
        }) else { return false }
        // The prompt comes back first: work that ends as soon as it is
        // cancelled (a check reporting what it found) must not win the race.
        current.resume()
        current.cancel()
        return true
    }

    /// Forgets the finished command, so a later Ctrl-C does nothing.
    private func finished() {
        running.withLock { $0 = nil }
    }
}

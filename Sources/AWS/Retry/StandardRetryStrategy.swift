/// The AWS SDKs' standard retry mode
/// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html):
/// at most `maximumAttempts` attempts (`AWS_MAX_ATTEMPTS` or the profile's
/// `max_attempts`, 3 by default), retrying only what `RetryableErrorClassifier`
/// allows, while the `RetryQuota` can pay for it, after a truncated binary
/// exponential backoff with full jitter:
/// `delay = min(maximumBackoff, random(0, 1) * 2^(attempt - 1) * baseDelay)`.
///
/// `sleep` and `random` are injectable so tests run instantly and exactly.
public struct StandardRetryStrategy: Sendable {
    public static let defaultMaximumAttempts = 3

    public var maximumAttempts: Int
    public var baseDelay: Duration
    public var maximumBackoff: Duration
    public var quota: RetryQuota
    public var sleep: @Sendable (Duration) async throws -> Void
    public var random: @Sendable () -> Double

    public init(
        maximumAttempts: Int = StandardRetryStrategy.defaultMaximumAttempts,
        baseDelay: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(20),
        quota: RetryQuota = RetryQuota(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumBackoff = maximumBackoff
        self.quota = quota
        self.sleep = sleep
        self.random = random
    }

    /// The pause before the attempt after `failedAttempt` (1 for the first).
    public func delay(after failedAttempt: Int) -> Duration {
        let exponent = min(max(0, failedAttempt - 1), 30)
        let jitter = min(1, max(0, random()))
        let delay = baseDelay * (jitter * Double(1 << exponent))
        return min(delay, maximumBackoff)
    }

    /// Runs `attempt` (given its 1-based number) until it succeeds, fails with
    /// an error that is not retried, runs out of attempts, or the quota runs
    /// dry; then returns its result or throws its last error.
    /// `willRetry` hears of each retry, for `--debug`; `leftToCaller` of an
    /// attempt of unknown outcome that `AttemptRecord.current` keeps from a retry.
    public func run<Result: Sendable>(
        _ attempt: (Int) async throws -> Result,
        willRetry: (_ error: any Error, _ nextAttempt: Int, _ delay: Duration) -> Void = { _, _, _ in },
        leftToCaller: (_ error: any Error) -> Void = { _ in }
    ) async throws -> Result {
        let record = AttemptRecord.current
        var number = 1
        var lastRetryCost: Int?
        while true {
            do {
                let result = try await attempt(number)
                quota.release(lastRetryCost ?? RetryQuota.noRetryIncrement)
                return result
            } catch {
                if let record, RetryableErrorClassifier.outcomeIsUnknown(error) {
                    record.noteUnknownOutcome()
                    if !record.retriesUnknownOutcomes {
                        leftToCaller(error)
                        throw error
                    }
                }
                guard number < maximumAttempts,
                      !(error is CancellationError),
                      let reason = RetryableErrorClassifier.reason(for: error),
                      let cost = quota.acquire(for: reason)
                else { throw error }
                lastRetryCost = cost
                let pause = delay(after: number)
                number += 1
                willRetry(error, number, pause)
                try await sleep(pause)
            }
        }
    }
}

import Synchronization

/// The standard retry mode's token bucket, shared by every request of a
/// client: each retry spends tokens and success pays them back, so that when
/// a service is down for everyone the client stops multiplying its load.
/// Capacity 500; a retry costs 5, a retry after a timeout 10; a success
/// returns what its last retry spent, or 1 when it needed no retry.
public final class RetryQuota: Sendable {
    public static let initialCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    public let capacity: Int
    private let available: Mutex<Int>

    public init(capacity: Int = RetryQuota.initialCapacity) {
        self.capacity = capacity
        self.available = Mutex(capacity)
    }

    public var availableTokens: Int { available.withLock { $0 } }

    /// Takes the cost of a retry for `reason`; nil when the bucket cannot pay.
    public func acquire(for reason: RetryReason) -> Int? {
        let cost = reason == .timeout ? Self.timeoutRetryCost : Self.retryCost
        return available.withLock { tokens -> Int? in
            guard tokens >= cost else { return nil }
            tokens -= cost
            return cost
        }
    }

    /// Pays tokens back after a success, never beyond the capacity.
    public func release(_ amount: Int) {
        available.withLock { tokens in
            tokens = min(capacity, tokens + amount)
        }
    }
}

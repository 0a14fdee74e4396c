/// Why a failed attempt may be tried again; the reason decides what the retry
/// costs from the retry quota.
public enum RetryReason: Sendable, Equatable {
    /// The service asked us to slow down (`Throttling`, `SlowDown`, ...).
    case throttling
    /// A server-side or in-flight failure: HTTP 500/502/503/504, a transient
    /// error code, or a connection that broke.
    case transient
    /// The connection or the response took too long.
    case timeout
}

import JSON

/// What one poll of a waiter found, for showing progress.
public struct WaiterAttempt: Sendable {
    public var number: Int
    public var maximum: Int
    /// The state of the acceptor that matched, or `nil` when none did (keep waiting).
    public var state: WaiterModel.Acceptor.State?
    /// The response, or the error's code when the poll failed.
    public var response: JSON?
    public var errorCode: String?
}

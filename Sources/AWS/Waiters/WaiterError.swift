/// Why a waiter stopped without reaching its success state.
public struct WaiterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An acceptor matched a failure state: what was awaited will not happen.
        case failure
        /// Every attempt was used without success.
        case timedOut
        /// The operation failed with an error that no acceptor expects.
        case unexpectedError(AWSServiceError)
    }

    public var kind: Kind
    public var waiter: String
    public var attempts: Int
    public var message: String

    public var description: String { message }
}

/// A service or operation that the compiled-in models do not have, or a model
/// that cannot be read.
public struct ServiceModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

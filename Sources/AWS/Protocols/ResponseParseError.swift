/// A response body that does not fit the protocol or the model.
public struct ResponseParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

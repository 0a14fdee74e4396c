/// Input that passed validation but still cannot be put on the wire, such as
/// a URI label with no value or a timestamp that cannot be read.
public struct RequestSerializationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

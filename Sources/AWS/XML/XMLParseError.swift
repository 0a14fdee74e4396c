/// Malformed or refused XML, with the position where reading stopped.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 1-based line and column (in bytes) of the offending character.
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}

/// A place in a lesson or check file, for messages that point at it.
public struct SourceLocation: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var file: String
    /// Line and column count from 1; 0 means the whole file.
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Why an expression could not be compiled or evaluated.
///
/// The kinds are those of the JMESPath compliance suite, plus JEP-18's
/// `undefined-variable`. An error that points at a place in the expression
/// (every syntax error, and evaluation errors raised by a function call or a
/// variable) carries that place, and its description shows the expression
/// with a caret under it.
public struct JMESPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax
        case invalidType = "invalid-type"
        case invalidArity = "invalid-arity"
        case unknownFunction = "unknown-function"
        case invalidValue = "invalid-value"
        case undefinedVariable = "undefined-variable"
    }

    public let kind: Kind
    /// One sentence, without the position.
    public let message: String
    /// The whole expression the error belongs to.
    public let expression: String
    /// Where in `expression` the error is, in UTF-8 bytes from its start.
    public let utf8Offset: Int?

    init(_ kind: Kind, _ message: String, expression: String, utf8Offset: Int?) {
        self.kind = kind
        self.message = message
        self.expression = expression
        self.utf8Offset = utf8Offset.map { min(max($0, 0), expression.utf8.count) }
    }

    /// The line of the error, from 1; lines matter only for expressions
    /// written over several lines, as long `let` expressions often are.
    public var line: Int? { location?.line }

    /// The column of the error in characters of its line, from 1.
    public var column: Int? { location.map { $0.prefix.count + 1 } }

    public var description: String {
        guard let location else { return "\(kind.rawValue) error: \(message)" }
        let place = location.lineCount > 1
            ? "line \(location.line), column \(location.prefix.count + 1)"
            : "column \(location.prefix.count + 1)"
        // Tabs stay tabs so that the caret lines up however a terminal
        // expands them.
        let padding = String(location.prefix.map { $0 == "\t" ? "\t" : " " })
        return "\(kind.rawValue) error at \(place): \(message)\n\(location.text)\n\(padding)^"
    }

    private var location: (line: Int, lineCount: Int, text: String, prefix: String)? {
        guard let utf8Offset else { return nil }
        let bytes = Array(expression.utf8)
        let newline = UInt8(ascii: "\n")
        let lineStart = bytes[..<utf8Offset].lastIndex(of: newline).map { $0 + 1 } ?? 0
        let lineEnd = bytes[utf8Offset...].firstIndex(of: newline) ?? bytes.count
        let line = bytes[..<utf8Offset].reduce(1) { $1 == newline ? $0 + 1 : $0 }
        let lineCount = bytes.reduce(1) { $1 == newline ? $0 + 1 : $0 }
        return (
            line, lineCount,
            String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self),
            String(decoding: bytes[lineStart..<utf8Offset], as: UTF8.self)
        )
    }
}

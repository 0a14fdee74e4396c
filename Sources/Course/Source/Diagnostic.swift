/// One problem found in a lesson or check file: where, what, and how to fix it.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var suggestion: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, suggestion: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column: error: message (suggestion)`, the shape compilers
    /// use, so editors can jump to it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let suggestion { text += " (\(suggestion))" }
        return text
    }
}

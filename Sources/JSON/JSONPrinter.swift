/// How a JSON value is written out.
public struct JSONFormat: Sendable, Equatable {
    /// Spaces per nesting level; `nil` writes everything on one line.
    public var indent: Int?
    public var sortKeys: Bool
    /// Separators on a single line: `", "` and `": "` as Python's `json.dumps`
    /// writes them, or none at all for the most compact text.
    public var spacedSeparators: Bool

    public init(indent: Int? = nil, sortKeys: Bool = false, spacedSeparators: Bool = false) {
        self.indent = indent
        self.sortKeys = sortKeys
        self.spacedSeparators = spacedSeparators
    }

    /// One line, no spaces: for files, logs and wire bodies.
    public static let compact = JSONFormat()
    /// What `aws ... --output json` prints: four spaces, keys in response order.
    public static let awsCLI = JSONFormat(indent: 4)
}

extension JSON {
    /// The value as JSON text. Non-ASCII characters are written as they are,
    /// as the `aws` CLI writes them; control characters are escaped.
    public func formatted(_ format: JSONFormat = .compact) -> String {
        var output = ""
        write(to: &output, format: format, level: 0)
        return output
    }

    /// Compact JSON text.
    public var text: String { formatted(.compact) }

    private func write(to output: inout String, format: JSONFormat, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .double(let value): output += JSON.format(double: value)
        case .string(let value): JSON.writeQuoted(value, to: &output)
        case .array(let values):
            if values.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (offset, element) in values.enumerated() {
                if offset > 0 { output += JSON.itemSeparator(format) }
                JSON.newline(&output, format: format, level: level + 1)
                element.write(to: &output, format: format, level: level + 1)
            }
            JSON.newline(&output, format: format, level: level)
            output += "]"
        case .object(let object):
            if object.isEmpty {
                output += "{}"
                return
            }
            let ordered = format.sortKeys ? object.sortedByKey() : object
            output += "{"
            var first = true
            for (key, value) in ordered {
                if !first { output += JSON.itemSeparator(format) }
                first = false
                JSON.newline(&output, format: format, level: level + 1)
                JSON.writeQuoted(key, to: &output)
                output += (format.indent != nil || format.spacedSeparators) ? ": " : ":"
                value.write(to: &output, format: format, level: level + 1)
            }
            JSON.newline(&output, format: format, level: level)
            output += "}"
        }
    }

    private static func itemSeparator(_ format: JSONFormat) -> String {
        (format.indent == nil && format.spacedSeparators) ? ", " : ","
    }

    private static func newline(_ output: inout String, format: JSONFormat, level: Int) {
        guard let indent = format.indent else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    /// Numbers as Python's `repr` writes them, so that output compares equal
    /// to the `aws` CLI's: integral doubles keep their `.0`, infinities (which
    /// JSON cannot hold) are written as Python writes them.
    static func format(double value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    static func writeQuoted(_ string: String, to output: inout String) {
        output += "\""
        var pending = string.unicodeScalars.startIndex
        let scalars = string.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escaped: String?
            switch scalar {
            case "\"": escaped = "\\\""
            case "\\": escaped = "\\\\"
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            case "\u{08}": escaped = "\\b"
            case "\u{0C}": escaped = "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escaped = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escaped = nil
                }
            }
            if let escaped {
                output.unicodeScalars.append(contentsOf: scalars[pending..<index])
                output += escaped
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
        output += "\""
    }
}

extension JSON: CustomStringConvertible {
    public var description: String { text }
}

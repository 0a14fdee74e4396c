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
        var writer = JSONWriter(format: format, limit: Int.max)
        writer.write(self, level: 0)
        return writer.text
    }

    /// At most about `limit` bytes of the value's compact text, for
    /// messages: a huge document is never rendered whole just to be cut.
    public func preview(limit: Int) -> String {
        var writer = JSONWriter(format: .compact, limit: limit)
        writer.write(self, level: 0)
        guard writer.truncated else { return writer.text }
        return String(decoding: writer.bytes.prefix(limit), as: UTF8.self) + "…"
    }

    /// Compact JSON text.
    public var text: String { formatted(.compact) }

    /// Numbers as Python's `repr` writes them, so that output compares equal
    /// to the `aws` CLI's: integral doubles keep their `.0`, infinities (which
    /// JSON cannot hold) are written as Python writes them.
    static func format(double value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }
}

/// Writes JSON as UTF-8 bytes, which keeps long documents linear in time.
struct JSONWriter {
    let format: JSONFormat
    let limit: Int
    var bytes: [UInt8] = []
    var truncated = false

    init(format: JSONFormat, limit: Int) {
        self.format = format
        self.limit = limit
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ value: JSON, level: Int) {
        if bytes.count > limit {
            truncated = true
            return
        }
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let number): append(String(number))
        case .double(let number): append(JSON.format(double: number))
        case .string(let string): writeQuoted(string)
        case .array(let values):
            if values.isEmpty {
                append("[]")
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in values.enumerated() {
                if offset > 0 { itemSeparator() }
                newline(level + 1)
                write(element, level: level + 1)
                if truncated { return }
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                append("{}")
                return
            }
            let ordered = format.sortKeys ? object.sortedByKey() : object
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in ordered {
                if !first { itemSeparator() }
                first = false
                newline(level + 1)
                writeQuoted(key)
                append((format.indent != nil || format.spacedSeparators) ? ": " : ":")
                write(member, level: level + 1)
                if truncated { return }
            }
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func itemSeparator() {
        append((format.indent == nil && format.spacedSeparators) ? ", " : ",")
    }

    private mutating func newline(_ level: Int) {
        guard let indent = format.indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    private mutating func writeQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSON: CustomStringConvertible {
    public var description: String { text }
}

/// A JSON object whose members are found but not yet parsed: each value is
/// kept as the place of its text, and parsed only when it is asked for.
///
/// The compiled-in service models are this shape: EC2's is 1.1 MB of JSON
/// with thousands of shapes, and a run uses a few dozen of them. Parsing the
/// whole document costs tens of milliseconds and megabytes of values before
/// the first call; finding the members only skips over their text.
public struct JSONObjectText: Sendable {
    /// The members' names, in the order the text has them.
    public let keys: [String]
    private let ranges: [String: Range<Int>]
    private let text: String

    /// An object with no members.
    public static let empty = JSONObjectText(keys: [], ranges: [:], text: "")

    private init(keys: [String], ranges: [String: Range<Int>], text: String) {
        self.keys = keys
        self.ranges = ranges
        self.text = text
    }

    /// Finds the members of the object that is the whole of `text`.
    public init(_ text: String) throws(JSONParseError) {
        try self.init(text, range: nil)
    }

    private init(_ text: String, range: Range<Int>?) throws(JSONParseError) {
        var copy = text
        // withUTF8 rethrows untyped errors, so the result travels as a Result.
        let found = copy.withUTF8 { bytes in
            Result { () throws(JSONParseError) in
                var scanner = JSONMemberScanner(bytes: bytes, index: range?.lowerBound ?? 0, end: range?.upperBound ?? bytes.count)
                return try scanner.members()
            }
        }
        let members = try found.get()
        self.text = text
        keys = members.map(\.key)
        ranges = Dictionary(members.map { ($0.key, $0.range) }, uniquingKeysWith: { _, last in last })
    }

    public func contains(_ key: String) -> Bool {
        ranges[key] != nil
    }

    /// The member `key`, parsed now; nil when there is no such member.
    public func value(_ key: String) throws(JSONParseError) -> JSON? {
        guard let range = ranges[key] else { return nil }
        var copy = text
        let parsed = copy.withUTF8 { bytes in
            Result { () throws(JSONParseError) in try JSON(parsing: UnsafeBufferPointer(rebasing: bytes[range])) }
        }
        return try parsed.get()
    }

    /// The member `key` when it is an object, with its own members found but not parsed.
    public func object(_ key: String) throws(JSONParseError) -> JSONObjectText? {
        guard let range = ranges[key] else { return nil }
        return try JSONObjectText(text, range: range)
    }
}

/// Walks one object's members and steps over each value's text, checking
/// only what it must to find where the value ends; the value is checked in
/// full when it is parsed.
private struct JSONMemberScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int

    mutating func members() throws(JSONParseError) -> [(key: String, range: Range<Int>)] {
        skipWhitespace()
        try expect(UInt8(ascii: "{"), "expected an object")
        var members: [(key: String, range: Range<Int>)] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") { return members }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
            let keyStart = index
            try skipString()
            let key = try JSON(parsing: UnsafeBufferPointer(rebasing: bytes[keyStart..<index]))
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected ':' after object key")
            skipWhitespace()
            let valueStart = index
            try skipValue()
            members.append((key.stringValue ?? "", valueStart..<index))
            skipWhitespace()
            guard index < end else { throw error("unexpected end of input in object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                return members
            } else {
                throw error("expected ',' or '}' in object")
            }
        }
    }

    private mutating func skipValue() throws(JSONParseError) {
        guard index < end else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard index < end else { throw error("unexpected end of input in a nested value") }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                index += 1
            } while depth > 0
        default:
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: return
                default: index += 1
                }
            }
        }
    }

    private mutating func skipString() throws(JSONParseError) {
        index += 1
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                index += 1
                return
            default: index += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(JSONParseError) {
        guard index < end, bytes[index] == byte else { throw error(message) }
        index += 1
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParser.makeError(message, bytes: bytes, offset: min(index, bytes.count))
    }
}

import JSON

/// to_array, to_number, to_string (type is a one-liner in the dispatch).
extension FunctionInvocation {
    static func toArray(_ value: JSON) -> JSON {
        if case .array = value { return value }
        return .array([value])
    }

    /// Compact JSON with non-ASCII characters escaped, exactly as Python's
    /// `json.dumps` writes it for the aws CLI.
    static func toString(_ value: JSON) -> JSON {
        if case .string = value { return value }
        let text = value.formatted(.compact)
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return .string(text) }
        // Outside strings JSON text is ASCII, so every non-ASCII character
        // here is inside a string, where an escape means the same.
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                escaped.unicodeScalars.append(scalar)
            } else {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        return .string(escaped)
    }

    /// Numbers as Python's int() and then float() read them: surrounding
    /// white space and a sign are allowed, hexadecimal is not.
    static func toNumber(_ value: JSON) -> JSON {
        switch value {
        case .integer, .double: return value
        case .string(let string): return number(from: string) ?? .null
        default: return .null
        }
    }

    private static func number(from string: String) -> JSON? {
        let text = string.trimmingASCIIWhitespace()
        guard !text.isEmpty else { return nil }
        let digits = text.utf8.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        let unsigned = text.utf8.count - digits.count
        if unsigned <= 1, !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            if let integer = Int(text) { return .integer(integer) }
            return Double(text).map(JSON.double)
        }
        let decimal = text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        if decimal, let double = Double(text) { return .double(double) }
        let special = ["inf", "infinity", "nan"]
        let lowered = text.lowercased()
        let bare = lowered.hasPrefix("+") || lowered.hasPrefix("-") ? String(lowered.dropFirst()) : lowered
        if special.contains(bare), let double = Double(lowered) { return .double(double) }
        return nil
    }
}

extension String {
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

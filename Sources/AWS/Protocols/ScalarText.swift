import JSON

/// The text of a scalar parameter in a query string, form body, URI or
/// header, as Python's `str()` writes it for botocore.
enum ScalarText {
    static func of(_ value: JSON) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .double(let number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
            return JSON.double(number).text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .array, .object: return value.text
        }
    }
}

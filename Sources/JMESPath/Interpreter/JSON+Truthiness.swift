import JSON

extension JSON {
    /// JMESPath's truth: false, null and empty strings, arrays and objects
    /// are false; everything else, every number included, is true.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .integer, .double: return true
        case .string(let value): return !value.isEmpty
        case .array(let value): return !value.isEmpty
        case .object(let value): return !value.isEmpty
        }
    }
}

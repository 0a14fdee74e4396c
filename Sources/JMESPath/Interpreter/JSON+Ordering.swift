import JSON

extension JSON {
    /// Whether this value sorts before `other`: numbers by value, strings by
    /// code points (as Python and the aws CLI order them, not by Swift's
    /// canonical equivalence). `nil` when the two cannot be ordered.
    func precedes(_ other: JSON) -> Bool? {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.integer(let a), .double(let b)): return Double(a) < b
        case (.double(let a), .integer(let b)): return a < Double(b)
        case (.double(let a), .double(let b)): return a < b
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: return nil
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .double: return true
        default: return false
        }
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}

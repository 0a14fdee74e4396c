import JSON

/// One thing that must hold in a check's document: a JMESPath expression
/// (`that`) and an operator with its operand.
public struct Assertion: Sendable {
    public var expression: String
    public var comparison: Comparison
    /// What this assertion means, for the checklist; the check's title stands
    /// in when absent.
    public var label: LocalizedText?
    public var location: SourceLocation

    public init(expression: String, comparison: Comparison, label: LocalizedText? = nil, location: SourceLocation) {
        self.expression = expression
        self.comparison = comparison
        self.label = label
        self.location = location
    }
}

/// The operators, each explaining itself when it fails.
public indirect enum Comparison: Sendable {
    case equals(Template)
    case notEquals(Template)
    /// A regular expression that the whole string must match.
    case matches(String)
    /// A list or string that contains the operand.
    case contains(Template)
    /// A value that is one of the operand's list.
    case isIn(Template)
    case atLeast(Template)
    case atMost(Template)
    /// A list, string or object of exactly this many elements.
    case length(Template)
    /// A list with exactly this many distinct elements.
    case distinctCount(Template)
    /// Every element of the list passes the nested assertion, evaluated
    /// against that element; an empty list fails.
    case every(Assertion)
    /// At least one element passes the nested assertion.
    case any(Assertion)
    /// Present and not null.
    case exists
    /// Absent or null.
    case absent
    /// A CIDR block (or a list of them) containing the operand's address or block.
    case cidrContains(Template)

    /// The operand, for the operators that take a template.
    public var operand: Template? {
        switch self {
        case .equals(let t), .notEquals(let t), .contains(let t), .isIn(let t), .atLeast(let t), .atMost(let t),
            .length(let t), .distinctCount(let t), .cidrContains(let t):
            return t
        case .matches, .every, .any, .exists, .absent:
            return nil
        }
    }

    /// The assertion `every` and `any` hold each element to.
    public var nested: Assertion? {
        switch self {
        case .every(let nested), .any(let nested): return nested
        default: return nil
        }
    }

    /// The operator's name as written in check files.
    public var name: String {
        switch self {
        case .equals: return "equals"
        case .notEquals: return "not-equals"
        case .matches: return "matches"
        case .contains: return "contains"
        case .isIn: return "in"
        case .atLeast: return "at-least"
        case .atMost: return "at-most"
        case .length: return "length"
        case .distinctCount: return "distinct-count"
        case .every: return "every"
        case .any: return "any"
        case .exists: return "exists"
        case .absent: return "absent"
        case .cidrContains: return "cidr-contains"
        }
    }

    public static let names = [
        "equals", "not-equals", "matches", "contains", "in", "at-least", "at-most", "length",
        "distinct-count", "every", "any", "exists", "absent", "cidr-contains",
    ]
}

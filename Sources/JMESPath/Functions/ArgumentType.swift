import JSON

/// What a function parameter accepts: a union of JSON kinds, typed arrays
/// and expression references.
struct ArgumentType: OptionSet, Sendable {
    let rawValue: UInt16

    static let null = ArgumentType(rawValue: 1 << 0)
    static let boolean = ArgumentType(rawValue: 1 << 1)
    static let number = ArgumentType(rawValue: 1 << 2)
    static let string = ArgumentType(rawValue: 1 << 3)
    static let array = ArgumentType(rawValue: 1 << 4)
    static let object = ArgumentType(rawValue: 1 << 5)
    static let arrayOfNumbers = ArgumentType(rawValue: 1 << 6)
    static let arrayOfStrings = ArgumentType(rawValue: 1 << 7)
    static let expression = ArgumentType(rawValue: 1 << 8)

    static let any: ArgumentType = [.null, .boolean, .number, .string, .array, .object]

    /// Whether `argument` fits; an array must fit as a whole (`array`) or
    /// element by element (`arrayOfNumbers`, `arrayOfStrings`, where an array
    /// of either must not mix the two).
    func accepts(_ argument: FunctionArgument) -> Bool {
        guard case .value(let value) = argument else { return contains(.expression) }
        if contains(ArgumentType.kind(of: value)) { return true }
        guard case .array(let elements) = value else { return false }
        let numbers = contains(.arrayOfNumbers)
        let strings = contains(.arrayOfStrings)
        guard let first = elements.first else { return numbers || strings }
        if numbers, first.isNumber { return elements.allSatisfy(\.isNumber) }
        if strings, first.isString { return elements.allSatisfy(\.isString) }
        return false
    }

    static func kind(of value: JSON) -> ArgumentType {
        switch value {
        case .null: return .null
        case .bool: return .boolean
        case .integer, .double: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// "a number", "an array of numbers or an array of strings"...
    var description: String {
        if self == .any { return "any value" }
        let names: [(ArgumentType, String)] = [
            (.null, "null"), (.boolean, "a boolean"), (.number, "a number"), (.string, "a string"),
            (.array, "an array"), (.object, "an object"), (.arrayOfNumbers, "an array of numbers"),
            (.arrayOfStrings, "an array of strings"), (.expression, "an expression reference (&...)"),
        ]
        let parts = names.filter { contains($0.0) }.map(\.1)
        guard parts.count > 1 else { return parts.first ?? "nothing" }
        return parts.dropLast().joined(separator: ", ") + " or " + (parts.last ?? "")
    }

    /// How an error names what was given instead.
    static func describe(_ argument: FunctionArgument) -> String {
        guard case .value(let value) = argument else { return "an expression reference (&...)" }
        return describe(value)
    }

    static func describe(_ value: JSON) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "a boolean (\(flag))"
        case .integer, .double: return "a number (\(value.text))"
        case .string: return "a string"
        case .object: return "an object"
        case .array(let elements):
            let kinds = Set(elements.map { $0.kind.rawValue }).sorted()
            return kinds.isEmpty ? "an empty array" : "an array of \(kinds.joined(separator: " and ")) values"
        }
    }
}

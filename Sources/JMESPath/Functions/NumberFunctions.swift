import JSON

/// abs, avg, ceil, floor, sum. Integers stay integers while they fit, as they
/// do in the reference implementation; a result that overflows `Int` becomes
/// a double instead of trapping.
extension FunctionInvocation {
    static func abs(_ value: JSON) -> JSON {
        switch value {
        case .integer(let number):
            return number == .min ? .double(-Double(number)) : .integer(Swift.abs(number))
        case .double(let number):
            return .double(Swift.abs(number))
        default:
            return .null
        }
    }

    static func average(_ elements: [JSON]) -> JSON {
        guard !elements.isEmpty else { return .null }
        let total = elements.reduce(0.0) { $0 + ($1.doubleValue ?? 0) }
        return .double(total / Double(elements.count))
    }

    static func rounded(_ value: JSON, _ rule: FloatingPointRoundingRule) -> JSON {
        guard case .double(let number) = value else { return value }
        let result = number.rounded(rule)
        if let exact = Int(exactly: result) { return .integer(exact) }
        return .double(result)
    }

    static func sum(_ elements: [JSON]) -> JSON {
        var exact = 0
        var index = 0
        while index < elements.count, case .integer(let number) = elements[index] {
            let (next, overflow) = exact.addingReportingOverflow(number)
            if overflow { break }
            exact = next
            index += 1
        }
        if index == elements.count { return .integer(exact) }
        var total = Double(exact)
        for element in elements[index...] {
            total += element.doubleValue ?? 0
        }
        return .double(total)
    }
}

import JSON

/// ends_with, join (starts_with is a one-liner in the dispatch). Strings are
/// compared by their code points, never by Swift's canonical equivalence.
extension FunctionInvocation {
    static func hasSuffix(_ string: String, _ suffix: String) -> Bool {
        let count = suffix.utf8.count
        guard string.utf8.count >= count else { return false }
        return string.utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    static func join(_ separator: String, _ elements: [JSON]) -> JSON {
        var result = ""
        for (offset, element) in elements.enumerated() {
            if offset > 0 { result += separator }
            if case .string(let string) = element { result += string }
        }
        return .string(result)
    }
}

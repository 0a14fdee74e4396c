import JSON

/// A check's assertion as a `--query` that prints `True` once it holds, for
/// a step that only waits for AWS and has no CLI waiter: only assertions on
/// one read with a literal operand (`length: 2`, `equals: 2`, `at-least: 1`).
enum ScriptPoll {
    static func query(for assertion: Assertion, reads: [ReadCall]) -> (read: String, query: String)? {
        guard let dot = assertion.expression.firstIndex(of: "."),
            let read = reads.first(where: { $0.name == String(assertion.expression[..<dot]) })
        else { return nil }
        let rest = String(assertion.expression[assertion.expression.index(after: dot)...])
        func literal(_ template: Template) -> String? {
            template.references.isEmpty ? "`\(template.json.text)`" : nil
        }
        switch assertion.comparison {
        case .equals(let operand): return literal(operand).map { (read.name, "(\(rest)) == \($0)") }
        case .length(let operand): return literal(operand).map { (read.name, "length(\(rest)) == \($0)") }
        case .atLeast(let operand): return literal(operand).map { (read.name, "(\(rest)) >= \($0)") }
        default: return nil
        }
    }
}

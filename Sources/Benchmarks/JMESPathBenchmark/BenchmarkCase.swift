import Foundation
import JSON

/// One case of the compliance suite's `benchmarks.json`.
struct BenchmarkCase {
    enum Kind: String {
        /// Compile only.
        case parse
        /// Evaluate an expression compiled beforehand.
        case interpret
        /// Compile and evaluate.
        case full
    }

    let name: String
    let kind: Kind
    let expression: String
    let given: JSON

    /// The cases in file order, which is the order both implementations report.
    static func load(from url: URL) throws -> [BenchmarkCase] {
        let suite = try JSON(parsing: Data(contentsOf: url))
        var cases: [BenchmarkCase] = []
        for group in suite.arrayValue ?? [] {
            for entry in group["cases"]?.arrayValue ?? [] {
                guard let expression = entry["expression"]?.stringValue,
                    let kind = entry["bench"]?.stringValue.flatMap(Kind.init(rawValue:))
                else { continue }
                let name = entry["comment"]?.stringValue ?? expression
                cases.append(BenchmarkCase(name: name, kind: kind, expression: expression, given: group["given"] ?? .null))
            }
        }
        return cases
    }
}

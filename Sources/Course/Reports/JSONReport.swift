import JSON

/// Check results as JSON, for scripts and instructors' tools.
public struct JSONReport: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// With `made`, the report also says how many lookups and reads the run
    /// made: the cost of grading an account.
    public func render(_ results: [CheckResult], made: (lookups: Int, reads: Int, rounds: Int)? = nil) -> JSON {
        let summary = GradeSummary(results)
        let checks = results.map { result -> JSON in
            var object: JSONObject = [
                "id": .string(result.check.id),
                "lesson": .string(result.check.lesson),
                "title": .string(result.check.title[language]),
                "status": .string(result.status.rawValue),
                "points": .double(result.pointsEarned),
                "possible": .integer(result.pointsPossible),
            ]
            if let message = result.failureMessage ?? result.reason { object["message"] = .string(message[language]) }
            let failing = result.assertions.filter { !$0.passed }
            if !failing.isEmpty {
                object["failures"] = .array(
                    failing.map { assertion in
                        [
                            "expression": .string(assertion.assertion.expression),
                            "operator": .string(assertion.assertion.comparison.name),
                            "expected": assertion.outcome.map { .string($0.expected[language]) } ?? .null,
                            "actual": assertion.outcome.map { .string($0.actual[language]) } ?? .null,
                            "error": assertion.error.map { .string($0[language]) } ?? .null,
                        ]
                    })
                object["hint"] = result.check.hints.first.map { .string($0[language]) } ?? .null
                object["docs"] = .string(result.check.docs)
            }
            return .object(object)
        }
        var report: JSONObject = [
            "score": .double(summary.earned), "possible": .integer(summary.possible), "passed": .integer(summary.passed),
            "failed": .integer(summary.failed), "skipped": .integer(summary.skipped), "errors": .integer(summary.errors),
            "not_applicable": .integer(summary.notApplicable),
        ]
        if let made {
            report["made"] = ["lookups": .integer(made.lookups), "reads": .integer(made.reads), "rounds": .integer(made.rounds)]
        }
        report["checks"] = .array(checks)
        return .object(report)
    }
}

import JSON

/// One learner's grade as a GitHub Classroom autograding runner's result:
/// what `education/autograding-grading-reporter` reads (base64-encoded) from
/// a step's `result` output, so an instructor can report ecslab's grade of a
/// learner's AWS account through Classroom.
///
/// The fields follow the runner that writes this shape,
/// `classroom-resources/autograding-io-grader` (`src/main.js`): `version`
/// 1, `status`, `max_score`, and tests with `name`, `status`, `message`,
/// `test_code`, `filename`, `line_no`, `duration` (milliseconds, a number:
/// not an `execution_time` string) and `score`. The reporter
/// (`src/notify-classroom.js`) sums the tests' `score` against the
/// top-level `max_score`, and fails the run when `status` is `fail` or
/// `error`; it reads only the keys it knows with `JSON.parse`, so the
/// provenance rides along as a top-level `ecslab` key and each test's own
/// `max_score` is there for people, not for the reporter.
///
/// Not-applicable checks are left out: the reporter's summary table scores
/// a runner as the share of its tests whose status is `pass`, so a check
/// that counts for no one would lower it. A learner not graded is `error`
/// with no tests and the points the checks are worth as `max_score`, so
/// Classroom shows 0 of the whole rather than nothing to earn (its summary
/// table, dividing by no tests, then shows NaN for that runner).
public struct ClassroomAutogradingResult: Sendable {
    public init() {}

    public func render(_ learner: LearnerGrade, in grade: ClassGrade) -> JSON {
        var object: JSONObject = ["version": 1]
        guard learner.isGraded else {
            object["status"] = "error"
            object["max_score"] = .integer(grade.checks.reduce(0) { $0 + $1.points })
            object["message"] = .string(learner.outcome.reason ?? "")
            object["tests"] = []
            object["ecslab"] = .object(LearnerProvenanceJSON.render(learner, in: grade))
            return .object(object)
        }
        let counted = learner.results.filter { $0.status != .notApplicable }
        let tests = counted.map { result -> JSON in
            let title = grade.check(result.check)?.title ?? result.check
            let file = grade.checkFile(lesson: result.lesson) ?? ""
            return [
                "name": .string("\(result.check): \(title)"), "status": .string(status(result.status)),
                "score": .double(result.points), "max_score": .integer(result.possible),
                "message": result.status == .passed ? .null : .string(result.message ?? ""),
                "test_code": .string("\(result.lesson)/\(result.check)"), "filename": .string(file), "line_no": 0,
                // Zero, not the time it took: a class graded twice writes the same files.
                "duration": 0,
            ]
        }
        let statuses = Set(counted.map(\.status))
        // An error leaves the score short of what the account deserves, which
        // is worse news than a failure, so it is what the whole result says.
        object["status"] = statuses.contains(.error) ? "error" : statuses.subtracting([.passed]).isEmpty ? "pass" : "fail"
        object["max_score"] = .integer(learner.possible)
        object["tests"] = .array(tests)
        object["ecslab"] = .object(LearnerProvenanceJSON.render(learner, in: grade))
        return .object(object)
    }

    private func status(_ status: CheckResult.Status) -> String {
        switch status {
        case .passed: return "pass"
        case .failed, .skipped, .notApplicable: return "fail"
        case .error: return "error"
        }
    }
}

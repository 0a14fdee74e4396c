import JSON

/// `grades.json`: every check of every learner, with the provenance. It is
/// the one report read back, by `ecslab grade merge`, so it holds all that
/// the other reports are rendered from.
public enum ClassGradeJSON {
    /// Bumped when a field changes meaning, so that a merge refuses shards
    /// written by an ecslab that meant something else.
    public static let format = 1

    public static func render(_ grade: ClassGrade) -> JSON {
        let provenance = grade.provenance
        var source: JSONObject = [
            "ecslab": .string(provenance.ecslabVersion),
            "check_files": .array(provenance.checkFiles.map { ["path": .string($0.path), "sha256": .string($0.sha256)] }),
            "graded_at": .string(provenance.gradedAt), "region": .string(provenance.region),
            "language": .string(provenance.language.rawValue), "lessons": .array(provenance.lessons.map(JSON.string)),
        ]
        if let shard = provenance.shard { source["shard"] = .string(shard) }
        let checks = grade.checks.map { check -> JSON in
            ["id": .string(check.id), "lesson": .string(check.lesson), "title": .string(check.title), "points": .integer(check.points)]
        }
        let learners = grade.learners.map { learner -> JSON in
            var object: JSONObject = [
                "id": .string(learner.id), "name": .string(learner.name), "roster_index": .integer(learner.rosterIndex),
                "account": learner.account.map(JSON.string) ?? .null, "region": .string(learner.region),
                "graded_at": .string(learner.gradedAt),
            ]
            switch learner.outcome {
            case .graded:
                object["status"] = "graded"
                object["score"] = .double(learner.score ?? 0)
            case .notGraded(let reason):
                object["status"] = "not-graded"
                object["reason"] = .string(reason)
                object["score"] = .null
            }
            object["possible"] = .integer(learner.possible)
            object["made"] = ["lookups": .integer(learner.lookups), "reads": .integer(learner.reads)]
            object["checks"] = .array(learner.results.map(render))
            return .object(object)
        }
        return ["format": .integer(format), "provenance": .object(source), "checks": .array(checks), "learners": .array(learners)]
    }

    private static func render(_ result: LearnerCheckResult) -> JSON {
        var object: JSONObject = [
            "id": .string(result.check), "lesson": .string(result.lesson), "status": .string(result.status.rawValue),
            "points": .double(result.points), "possible": .integer(result.possible),
        ]
        for (key, value) in [("expected", result.expected), ("found", result.found), ("message", result.message), ("hint", result.hint), ("docs", result.docs)] {
            object[key] = value.map(JSON.string) ?? .null
        }
        return .object(object)
    }

    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var problem: String
        public var description: String { problem }
    }

    public static func parse(_ json: JSON) throws(Malformed) -> ClassGrade {
        guard let version = json["format"]?.intValue else { throw Malformed(problem: "it is not an ecslab grades.json (no format)") }
        guard version == format else { throw Malformed(problem: "it has format \(version); this ecslab reads format \(format)") }
        let source = try object(json["provenance"], "provenance")
        guard let language = Language(rawValue: try string(source["language"], "provenance.language")) else {
            throw Malformed(problem: "provenance.language is neither zh nor en")
        }
        let checkFiles = try array(source["check_files"], "provenance.check_files").map { file throws(Malformed) in
            CheckFileVersion(path: try string(file["path"], "check_files.path"), sha256: try string(file["sha256"], "check_files.sha256"))
        }
        let provenance = GradeProvenance(
            ecslabVersion: try string(source["ecslab"], "provenance.ecslab"), checkFiles: checkFiles,
            gradedAt: try string(source["graded_at"], "provenance.graded_at"), region: try string(source["region"], "provenance.region"),
            language: language, lessons: try array(source["lessons"], "provenance.lessons").map { lesson throws(Malformed) in try string(lesson, "lessons") },
            shard: source["shard"]?.stringValue)
        let checks = try array(json["checks"], "checks").map { check throws(Malformed) in
            GradedCheck(
                id: try string(check["id"], "checks.id"), lesson: try string(check["lesson"], "checks.lesson"),
                title: try string(check["title"], "checks.title"), points: try integer(check["points"], "checks.points"))
        }
        let learners = try array(json["learners"], "learners").map { learner throws(Malformed) in
            let id = try string(learner["id"], "learners.id")
            let outcome: LearnerGrade.Outcome
            switch try string(learner["status"], "learners.status") {
            case "graded": outcome = .graded
            case "not-graded": outcome = .notGraded(reason: try string(learner["reason"], "learners.reason"))
            case let other: throw Malformed(problem: "learner \(id) has status \(other)")
            }
            let results = try array(learner["checks"], "learners.checks").map { result throws(Malformed) in
                let status = try string(result["status"], "checks.status")
                guard let known = CheckResult.Status(rawValue: status) else { throw Malformed(problem: "learner \(id) has a check with status \(status)") }
                return LearnerCheckResult(
                    check: try string(result["id"], "checks.id"), lesson: try string(result["lesson"], "checks.lesson"), status: known,
                    points: try number(result["points"], "checks.points"), possible: try integer(result["possible"], "checks.possible"),
                    expected: result["expected"]?.stringValue, found: result["found"]?.stringValue, message: result["message"]?.stringValue,
                    hint: result["hint"]?.stringValue, docs: result["docs"]?.stringValue)
            }
            return LearnerGrade(
                id: id, name: try string(learner["name"], "learners.name"), rosterIndex: try integer(learner["roster_index"], "learners.roster_index"),
                account: learner["account"]?.stringValue, region: try string(learner["region"], "learners.region"),
                gradedAt: try string(learner["graded_at"], "learners.graded_at"), outcome: outcome, results: results,
                lookups: learner["made"]?["lookups"]?.intValue ?? 0, reads: learner["made"]?["reads"]?.intValue ?? 0)
        }
        return ClassGrade(provenance: provenance, checks: checks, learners: learners)
    }

    private static func string(_ value: JSON?, _ field: String) throws(Malformed) -> String {
        guard let text = value?.stringValue else { throw Malformed(problem: "\(field) is missing or not a string") }
        return text
    }

    private static func integer(_ value: JSON?, _ field: String) throws(Malformed) -> Int {
        guard let number = value?.intValue else { throw Malformed(problem: "\(field) is missing or not a whole number") }
        return number
    }

    private static func number(_ value: JSON?, _ field: String) throws(Malformed) -> Double {
        guard let number = value?.doubleValue else { throw Malformed(problem: "\(field) is missing or not a number") }
        return number
    }

    private static func array(_ value: JSON?, _ field: String) throws(Malformed) -> [JSON] {
        guard let items = value?.arrayValue else { throw Malformed(problem: "\(field) is missing or not a list") }
        return items
    }

    private static func object(_ value: JSON?, _ field: String) throws(Malformed) -> JSON {
        guard value?.objectValue != nil, let value else { throw Malformed(problem: "\(field) is missing or not an object") }
        return value
    }
}

import JSON

/// One learner's grade as a Gradescope autograder's `results.json`, for a
/// course that collects grades in Gradescope: `run_autograder` writes it to
/// `/autograder/results/results.json`.
///
/// The fields follow Gradescope's "Autograder Specifications"
/// (gradescope-autograders.readthedocs.io/en/latest/specs, the source in
/// `gradescope/autograder_samples` `docs/specs.md`): a top-level `score`
/// (it overrides the tests' total), `output`, `output_format`,
/// `visibility`, `stdout_visibility`, `extra_data` and `tests`, each test
/// with `score`, `max_score`, `status` (`passed` or `failed`), `name`,
/// `name_format`, `number`, `output`, `output_format`, `tags` and
/// `visibility`. There is no top-level `max_score`: Gradescope takes the
/// assignment's points from its own settings. `execution_time` is left out
/// so a class graded twice writes the same files.
///
/// The provenance is in `extra_data`, which Gradescope stores and does not
/// show. A learner not graded still needs a number, so `score` is 0 with
/// `output` saying why and `extra_data.graded` false: whoever reads the
/// gradebook can tell it from a real zero there, not from the score.
/// Not-applicable checks are left out, as they count for no one.
public struct GradescopeResult: Sendable {
    public init() {}

    public func render(_ learner: LearnerGrade, in grade: ClassGrade) -> JSON {
        let words = Words(grade.provenance.language)
        var extra = LearnerProvenanceJSON.render(learner, in: grade)
        extra["graded"] = .bool(learner.isGraded)
        var object: JSONObject = ["score": .double(learner.score ?? 0)]
        if let reason = learner.outcome.reason {
            object["output"] = .string("\(words.notGraded): \(reason)")
        } else {
            let account = learner.account ?? "—"
            object["output"] = .string(
                words.summary(
                    account: account, region: learner.region, at: learner.gradedAt,
                    score: "\(GradeSummary.points(learner.score ?? 0))/\(learner.possible)"))
        }
        object["output_format"] = "text"
        object["visibility"] = "visible"
        object["stdout_visibility"] = "hidden"
        object["extra_data"] = .object(extra)
        let lessons = grade.lessons
        var tests: [JSON] = []
        for result in learner.results where result.status != .notApplicable {
            let lessonNumber = (lessons.firstIndex(of: result.lesson) ?? 0) + 1
            // Numbered among all the lesson's checks, so a check keeps its
            // number whether or not another is left out as not applicable.
            let checkNumber = (grade.checks.filter { $0.lesson == result.lesson }.firstIndex { $0.id == result.check } ?? 0) + 1
            let title = grade.check(result.check)?.title ?? result.check
            tests.append([
                "score": .double(result.points), "max_score": .integer(result.possible),
                "status": result.status == .passed ? "passed" : "failed", "name": .string("\(result.check): \(title)"),
                "name_format": "text", "number": .string("\(lessonNumber).\(checkNumber)"), "output": .string(output(result, words)),
                "output_format": "text", "tags": [.string(result.lesson), .string(result.status.rawValue)], "visibility": "visible",
            ])
        }
        object["tests"] = .array(tests)
        return .object(object)
    }

    private func output(_ result: LearnerCheckResult, _ words: Words) -> String {
        var lines: [String] = []
        if let message = result.message { lines.append(message) }
        if let expected = result.expected { lines.append("\(words.expected) \(expected)") }
        if let found = result.found { lines.append("\(words.found) \(found)") }
        if let hint = result.hint { lines.append("\(words.hint) \(hint)") }
        if let docs = result.docs, !docs.isEmpty { lines.append("\(words.docs) \(docs)") }
        return lines.joined(separator: "\n")
    }

    private struct Words {
        let language: Language
        init(_ language: Language) { self.language = language }

        var notGraded: String { language == .zh ? "未评分" : "not graded" }
        var expected: String { language == .zh ? "期望：" : "expected:" }
        var found: String { language == .zh ? "实际：" : "found:" }
        var hint: String { language == .zh ? "提示：" : "hint:" }
        var docs: String { language == .zh ? "文档：" : "docs:" }

        func summary(account: String, region: String, at time: String, score: String) -> String {
            switch language {
            case .zh: return "ecslab 于 \(time) 评分了 AWS 账号 \(account)（\(region)）：\(score)"
            case .en: return "ecslab graded AWS account \(account) (\(region)) at \(time): \(score)"
            }
        }
    }
}

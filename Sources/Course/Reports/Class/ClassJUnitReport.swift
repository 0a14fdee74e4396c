/// `junit.xml` for a class: a test suite a learner, a test case a check, so
/// that a CI system or dashboard that reads JUnit shows who passed what.
///
/// Unlike `JUnitReport` it writes no `time` attributes: grading a class
/// twice should write the same file, so a diff of two runs shows only what
/// learners changed. The grade's provenance is the `<testsuites>`
/// properties; each learner's account and region are their suite's.
public struct ClassJUnitReport: Sendable {
    public init() {}

    public func render(_ grade: ClassGrade) -> String {
        let provenance = grade.provenance
        let results = grade.learners.flatMap(\.results)
        let notGraded = grade.notGradedCount
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuites name="\#(title(provenance.language))" tests="\#(results.count + notGraded)" "#
            + #"failures="\#(count(results, .failed))" errors="\#(count(results, .error) + notGraded)" skipped="\#(skipped(results))">"# + "\n"
        var properties = [("ecslab", provenance.ecslabVersion)]
        properties += provenance.checkFiles.map { ("check_file", "\($0.path) \($0.sha256)") }
        properties += [("graded_at", provenance.gradedAt), ("region", provenance.region), ("language", provenance.language.rawValue)]
        properties.append(("lessons", provenance.lessons.joined(separator: ",")))
        if let shard = provenance.shard { properties.append(("shard", shard)) }
        xml += self.properties(properties, indent: "  ")
        for learner in grade.learners {
            xml += suite(learner, in: grade)
        }
        return xml + "</testsuites>\n"
    }

    private func suite(_ learner: LearnerGrade, in grade: ClassGrade) -> String {
        let results = learner.results
        let errors = count(results, .error) + (learner.isGraded ? 0 : 1)
        var xml = #"  <testsuite name="\#(escape(learner.id))" tests="\#(learner.isGraded ? results.count : 1)" "#
            + #"failures="\#(count(results, .failed))" errors="\#(errors)" skipped="\#(skipped(results))">"# + "\n"
        xml += properties(
            [("name", learner.name), ("account", learner.account ?? ""), ("region", learner.region), ("graded_at", learner.gradedAt)],
            indent: "    ")
        if let reason = learner.outcome.reason {
            // One case that errs, so a dashboard counts the learner as not
            // graded instead of showing an empty, green suite.
            xml += #"    <testcase classname="ecslab" name="account">"# + "\n"
            xml += #"      <error message="\#(escape(reason))"/>"# + "\n"
            xml += "    </testcase>\n"
        }
        for result in results {
            let attributes = #"classname="\#(escape(result.lesson))" name="\#(escape(result.check))""#
            let message = escape(result.message ?? "")
            switch result.status {
            case .passed:
                xml += "    <testcase \(attributes)/>\n"
            case .failed:
                let failure = escape(result.message ?? grade.check(result.check)?.title ?? result.check)
                xml += "    <testcase \(attributes)>\n"
                xml += #"      <failure message="\#(failure)">\#(escape(result.hint ?? ""))</failure>"# + "\n"
                xml += "    </testcase>\n"
            case .skipped, .notApplicable:
                xml += "    <testcase \(attributes)>\n"
                xml += #"      <skipped message="\#(message)"/>"# + "\n"
                xml += "    </testcase>\n"
            case .error:
                xml += "    <testcase \(attributes)>\n"
                xml += #"      <error message="\#(message)"/>"# + "\n"
                xml += "    </testcase>\n"
            }
        }
        return xml + "  </testsuite>\n"
    }

    private func properties(_ pairs: [(String, String)], indent: String) -> String {
        var xml = "\(indent)<properties>\n"
        for (name, value) in pairs {
            xml += #"\#(indent)  <property name="\#(escape(name))" value="\#(escape(value))"/>"# + "\n"
        }
        return xml + "\(indent)</properties>\n"
    }

    private func count(_ results: [LearnerCheckResult], _ status: CheckResult.Status) -> Int {
        results.filter { $0.status == status }.count
    }

    private func skipped(_ results: [LearnerCheckResult]) -> Int {
        count(results, .skipped) + count(results, .notApplicable)
    }

    private func title(_ language: Language) -> String {
        switch language {
        case .zh: return "ecslab 班级成绩"
        case .en: return "ecslab class grades"
        }
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}

/// Check results as JUnit XML, so a class's results land in any CI or
/// grading dashboard: a test suite per lesson, a test case per check.
public struct JUnitReport: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ results: [CheckResult], learner: String) -> String {
        var lessons: [String] = []
        for result in results where !lessons.contains(result.check.lesson) { lessons.append(result.check.lesson) }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        let all = GradeSummary(results)
        xml += #"<testsuites name="ecslab \#(escape(learner))" tests="\#(results.count)" failures="\#(all.failed)" errors="\#(all.errors)" skipped="\#(all.skipped)">"# + "\n"
        for lesson in lessons {
            let members = results.filter { $0.check.lesson == lesson }
            let summary = GradeSummary(members)
            let time = members.reduce(0) { $0 + $1.durationSeconds }
            xml += #"  <testsuite name="\#(escape(lesson))" tests="\#(members.count)" failures="\#(summary.failed)" errors="\#(summary.errors)" skipped="\#(summary.skipped)" time="\#(seconds(time))">"# + "\n"
            for result in members {
                let name = escape(result.check.id)
                let attributes = #"classname="\#(escape(lesson))" name="\#(name)" time="\#(seconds(result.durationSeconds))""#
                switch result.status {
                case .passed:
                    xml += "    <testcase \(attributes)/>\n"
                case .failed:
                    let message = escape((result.failureMessage ?? result.check.title)[language])
                    let hint = result.check.hints.first.map { escape($0[language]) } ?? ""
                    xml += "    <testcase \(attributes)>\n"
                    xml += #"      <failure message="\#(message)">\#(hint)</failure>"# + "\n"
                    xml += "    </testcase>\n"
                case .skipped, .notApplicable:
                    xml += "    <testcase \(attributes)>\n"
                    xml += #"      <skipped message="\#(escape(result.reason?[language] ?? ""))"/>"# + "\n"
                    xml += "    </testcase>\n"
                case .error:
                    xml += "    <testcase \(attributes)>\n"
                    xml += #"      <error message="\#(escape(result.reason?[language] ?? ""))"/>"# + "\n"
                    xml += "    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private func seconds(_ value: Double) -> String {
        String(Double(Int(value * 1000)) / 1000)
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}

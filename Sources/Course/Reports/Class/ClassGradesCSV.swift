/// `grades.csv`: one row a learner, for a spreadsheet or a gradebook import.
///
/// It carries no provenance: a comment line or an extra leading row breaks
/// the CSV readers gradebooks use, so which ecslab and which check files made
/// these numbers is in `summary.md`, `report.html`, `junit.xml` and
/// `grades.json` beside it. For the same reason the column names and the
/// `status` values are the same in both languages: they are what an import
/// script matches on, as the keys of `grades.json` are.
///
/// RFC 4180: CRLF line ends, and a field quoted (its quotes doubled) when
/// it holds a comma, a quote, CR or LF.
public struct ClassGradesCSV: Sendable {
    public init() {}

    public func render(_ grade: ClassGrade) -> String {
        let lessons = grade.lessons
        var rows = [["id", "name", "account", "region", "status"] + lessons + ["total", "possible", "percent"]]
        for learner in grade.learners {
            var row = [text(learner.id), text(learner.name), text(learner.account ?? ""), text(learner.region)]
            if let score = learner.score {
                row.append("graded")
                row += lessons.map { GradeSummary.points(learner.score(lesson: $0) ?? 0) }
                row += [GradeSummary.points(score), String(learner.possible), String(GradeSummary.percent(score, of: learner.possible))]
            } else {
                row.append("not-graded")
                // Empty, not 0: a learner whose account could not be read has no score yet.
                row += Array(repeating: "", count: lessons.count + 3)
            }
            rows.append(row)
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A roster's text, kept from being run as a formula by a spreadsheet
    /// that opens the file (`=HYPERLINK(...)` in a name): OWASP's advice, a
    /// leading apostrophe, which spreadsheets show as text and hide.
    private func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }
}

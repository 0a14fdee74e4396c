/// `summary.md`: the class at a glance, for an instructor to read on GitHub
/// or paste into a course page. One row a learner, one column a lesson, and
/// above them what the grade was made from, so that a page read weeks later
/// still says which check files and which ecslab produced it.
public struct ClassSummaryMarkdown: Sendable {
    public init() {}

    public func render(_ grade: ClassGrade) -> String {
        let words = Words(grade.provenance.language)
        let provenance = grade.provenance
        var lines = ["# \(words.title)", ""]
        lines.append("- ecslab: \(inline(provenance.ecslabVersion))")
        lines.append("- \(words.checkFiles):")
        for file in provenance.checkFiles {
            lines.append("  - `\(code(file.path))` sha256:\(file.shortHash)")
        }
        lines.append("- \(words.gradedAt): \(inline(provenance.gradedAt))")
        lines.append("- \(words.region): \(inline(provenance.region))")
        let lessons = provenance.lessons.isEmpty ? words.allLessons : provenance.lessons.map(inline).joined(separator: ", ")
        lines.append("- \(words.lessons): \(lessons)")
        if let shard = provenance.shard { lines.append("- \(words.shard): \(inline(shard))") }
        lines.append("")

        let lessonIDs = grade.lessons
        let header = [words.id, words.name, words.account, words.region] + lessonIDs.map(cell) + [words.total]
        lines.append(row(header))
        lines.append(row(header.map { _ in "---" }))
        for learner in grade.learners {
            var cells = [cell(learner.id), cell(learner.name), learner.account.map(cell) ?? "—", cell(learner.region)]
            if learner.isGraded {
                for lesson in lessonIDs {
                    cells.append("\(GradeSummary.points(learner.score(lesson: lesson) ?? 0))/\(learner.possible(lesson: lesson))")
                }
                let score = learner.score ?? 0
                cells.append("\(GradeSummary.points(score))/\(learner.possible) (\(GradeSummary.percent(score, of: learner.possible))%)")
            } else {
                cells += Array(repeating: words.notGraded, count: lessonIDs.count + 1)
            }
            lines.append(row(cells))
        }

        let notGraded = grade.learners.compactMap { learner in learner.outcome.reason.map { (learner, $0) } }
        if !notGraded.isEmpty {
            lines.append("")
            lines.append("\(words.notGradedHeading):")
            lines.append("")
            for (learner, reason) in notGraded {
                lines.append("- \(inline(learner.id)) (\(inline(learner.name))): \(inline(reason))")
            }
        }
        lines.append("")
        lines.append(words.count(learners: grade.learners.count, graded: grade.gradedCount, notGraded: grade.notGradedCount))
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// A table cell: a `|` would end the cell and a line break the row.
    private func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Roster text as Markdown shows it and no more: a backslash would
    /// escape what follows it, and `<` would let a name be raw HTML in a
    /// renderer that passes HTML through.
    private func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// Inside backticks nothing is markup, but a backtick ends the span.
    private func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'")
    }

    private struct Words {
        let language: Language
        init(_ language: Language) { self.language = language }

        var title: String { language == .zh ? "班级成绩" : "Class grades" }
        var checkFiles: String { language == .zh ? "检查文件" : "check files" }
        var gradedAt: String { language == .zh ? "评分时间" : "graded at" }
        var region: String { language == .zh ? "区域" : "region" }
        var lessons: String { language == .zh ? "课" : "lessons" }
        var allLessons: String { language == .zh ? "全部" : "all" }
        var shard: String { language == .zh ? "分片" : "shard" }
        var id: String { language == .zh ? "编号" : "id" }
        var name: String { language == .zh ? "姓名" : "name" }
        var account: String { language == .zh ? "账号" : "account" }
        var total: String { language == .zh ? "总分" : "Total" }
        var notGraded: String { language == .zh ? "未评分" : "not graded" }
        var notGradedHeading: String { language == .zh ? "未评分的学员" : "Not graded" }

        func count(learners: Int, graded: Int, notGraded: Int) -> String {
            switch language {
            case .zh: return "共 \(learners) 名学员：已评分 \(graded)，未评分 \(notGraded)。"
            case .en: return "\(learners) learners: \(graded) graded, \(notGraded) not graded."
            }
        }
    }
}

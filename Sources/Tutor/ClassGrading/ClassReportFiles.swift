import Course
import Foundation
import JSON
import Terminal

/// Every class report, written into one folder: the files an instructor
/// opens, uploads to GitHub Classroom or Gradescope, or feeds to CI.
public enum ClassReportFiles {
    /// Writes the reports of `grade` into `folder` (made if missing) and
    /// returns the files written, relative to it.
    @discardableResult
    public static func write(_ grade: ClassGrade, to folder: URL) throws -> [String] {
        var files: [(String, String)] = [
            ("grades.json", ClassGradeJSON.render(grade).formatted(.awsCLI) + "\n"),
            ("summary.md", ClassSummaryMarkdown().render(grade)),
            ("grades.csv", ClassGradesCSV().render(grade)),
            ("junit.xml", ClassJUnitReport().render(grade)),
            ("report.html", ClassHeatMapPage().render(grade)),
        ]
        for learner in grade.learners {
            files.append(("classroom/\(learner.id).json", ClassroomAutogradingResult().render(learner, in: grade).formatted(.awsCLI) + "\n"))
            files.append(("gradescope/\(learner.id)/results.json", GradescopeResult().render(learner, in: grade).formatted(.awsCLI) + "\n"))
        }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure.failed("cannot write \(url.path): \(error.localizedDescription)")
            }
        }
        return files.map(\.0)
    }

    /// Writes the reports and says on standard error where they are and
    /// how many learners were graded; returns how many were not.
    public static func writeTelling(_ grade: ClassGrade, to folder: URL, language: Language, console: Console = .standard) throws -> Int {
        let files = try write(grade, to: folder)
        console.error(
            TutorText.gradeReportsWritten(
                language,
                [
                    "graded": String(grade.gradedCount), "notGraded": String(grade.notGradedCount), "folder": folder.path,
                    "files": files.filter { !$0.contains("/") }.joined(separator: ", "),
                ]))
        return grade.notGradedCount
    }

    /// The grade a folder's `grades.json` holds.
    public static func read(_ folder: URL, language: Language) throws -> ClassGrade {
        let file = folder.appendingPathComponent("grades.json")
        do {
            let data = try Data(contentsOf: file)
            return try ClassGradeJSON.parse(try JSON(parsing: [UInt8](data)))
        } catch {
            let problem = String(describing: error)
            throw CommandFailure.usage(TutorText.mergeUnreadable(language, ["file": file.path, "problem": problem]))
        }
    }
}

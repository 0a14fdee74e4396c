import Course
import Foundation
import Terminal

/// Every lesson in order, with the learner's progress when their account
/// is known. Listing the course itself needs no account.
public enum LessonList {
    public static func lines(
        _ options: WorkspaceOptions, offline: Bool, console: Console = .standard
    ) async -> [String] {
        var content = CourseFolder.load(options.course, console: console)
        var progress: LearnerProgress?
        if !offline, AccountTarget.isKnown(options) {
            do {
                let workspace = try await Workspace.open(options, console: console)
                content = workspace.content
                progress = workspace.progress
            } catch {
                console.error("ecslab: " + TutorText.progressNotShown(options.language, ["reason": CommandFailure.from(error, language: options.language).message]))
            }
        }
        return content.lessons.map { lesson in
            var line = TutorText.lessonListLine(options.language, ["order": String(lesson.order), "lesson": lesson.id, "title": lesson.title[options.language]])
            if let progress { line += "  \(progress.completed[lesson.id]?.count ?? 0)/\(lesson.steps.count)" }
            return line
        }
    }
}

import Course
import Foundation
import Terminal

/// `ecslab script LESSON`: the lesson as a script for the real `aws` CLI,
/// in the learner's language. It needs no account: the script learns the
/// account and region from the CLI when it runs.
public enum LessonScriptExport {
    public static func text(
        _ lessonID: String, shell: ScriptShell, undo: Bool, overrides: [String: String], options: WorkspaceOptions, console: Console = .standard
    ) throws -> String {
        let content = CourseFolder.load(options.course, console: console, naming: lessonID)
        let language = options.language
        let lesson = try Workspace.lesson(lessonID, in: content, language: language)
        let acts = lesson.steps.contains { step in
            switch step.kind {
            case .task(let calls): !calls.isEmpty
            case .teardown, .local: true
            case .quiz: false
            }
        }
        guard acts else { throw CommandFailure.usage(TutorText.nothingToScript(language, ["lesson": lesson.id])) }
        let folder = CourseFolder.locate(options.course)
        let builder = LessonScriptBuilder(
            content: content, language: language, overrides: overrides,
            builtIns: ["course": CourseTags.courseValue, "lesson": lesson.id, "course_dir": folder.path], courseFolder: folder)
        let plan = try builder.plan(lesson, undo: undo)
        switch shell {
        case .bash: return try BashScriptWriter(language: language).write(plan)
        case .powershell: return try PowerShellScriptWriter(language: language).write(plan)
        }
    }
}

import ArgumentParser
import Course

/// `ecslab lessons`: every lesson, in order, with the learner's progress.
struct LessonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons and your progress in each.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "List the lessons without contacting AWS (no progress shown).")
    var offline = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let language = try options.language()
            var progress: LearnerProgress?
            let content: CourseContent
            if offline {
                content = CourseWorkspace.loadCourse(options).content
            } else {
                let workspace = try await CourseWorkspace.open(options)
                content = workspace.content
                progress = workspace.progress
            }
            for lesson in content.lessons {
                let done = progress?.completed[lesson.id]?.count ?? 0
                let state = progress == nil ? "" : "  \(done)/\(lesson.steps.count)"
                Console.out("\(lesson.order). \(lesson.id)  \(lesson.title[language])\(state)")
            }
        }
    }
}

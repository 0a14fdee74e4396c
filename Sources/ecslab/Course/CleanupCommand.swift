import ArgumentParser
import Course
import Tutor

/// `ecslab cleanup LESSON|all`: deletes what the tutor created, newest
/// first, and proves nothing tagged is left.
struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup", abstract: "Delete what the tutor created for a lesson (or all), and prove nothing is left.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "A lesson id, or all.")
    var target: String

    @Flag(name: .customLong("dry-run"), help: "Show what would be deleted, and delete nothing.")
    var dryRun = false

    @Flag(help: "Do not ask before deleting.")
    var yes = false

    @Flag(name: .customLong("remove-app"), help: "Also delete the folder the lessons laid the app out in (kept by default: it is your code).")
    var removeApp = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await Workspace.open(try options.workspace())
            let language = workspace.language
            let lesson = target == "all" ? nil : try workspace.lesson(target).id
            if !dryRun, !yes {
                guard let ask = askOnTerminal(defaultYes: true) else { throw CommandFailure.usage(TutorText.cleanupNeedsYes(language)) }
                guard ask(TutorText.cleanupAsk(language, ["what": lesson ?? TutorText.allLessons(language)])) else { throw ExitCode(1) }
            }
            let report = try await ResourceCleanup(dryRun: dryRun, removeApp: removeApp).run(lesson: lesson, in: workspace)
            if !report.isClean { throw ExitCode(1) }
        }
    }
}

import ArgumentParser
import Course
import Foundation

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

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await CourseWorkspace.open(options)
            let lesson = target == "all" ? nil : try workspace.lesson(target).id
            if !dryRun, !yes {
                guard Console.inputIsTerminal else {
                    throw CommandFailure.usage("cleanup deletes resources; run it again with --yes to confirm, or --dry-run to see what it would delete.")
                }
                let what = lesson ?? "all lessons"
                let question = workspace.language == .zh ? "删除 \(what) 创建的所有资源？" : "Delete everything the tutor created for \(what)?"
                guard Console.confirm(question, defaultYes: true) else { throw ExitCode(1) }
            }
            let report = try await CleanupCommand.tearDown(lesson: lesson, in: workspace, dryRun: dryRun)
            if !report.isClean { throw ExitCode(1) }
        }
    }

    static func tearDown(
        lesson: String?, in workspace: CourseWorkspace, dryRun: Bool, costlyOnly: Bool = false, account: (any AccountAPI)? = nil
    ) async throws -> Teardown.Report {
        var teardown = workspace.teardown()
        if let account {
            teardown.api = account
            teardown.reconciler.api = account
        }
        let narrator = StepNarrator(language: workspace.language, colors: Console.colors)
        let report = try await teardown.run(lesson: lesson, costlyOnly: costlyOnly, dryRun: dryRun) { event in narrator.narrate(event) }
        if !dryRun { narrator.summarize(report) }
        return report
    }
}

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
        try await reportingFailures {
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
        let say = narrator.say
        let report = try await teardown.run(lesson: lesson, costlyOnly: costlyOnly, dryRun: dryRun) { event in
            switch event {
            case .deleting(_, let cli): Console.out("$ \(cli)")
            case .wouldDelete(let entry, let cli): say("（演练）将删除 \(entry.operation) 创建的资源：\(cli)", "(dry run) would delete what \(entry.operation) made: \(cli)")
            case .deleted: break
            case .alreadyGone(let entry): say("  \(entry.operation) 创建的资源已经不存在。", "  what \(entry.operation) made is already gone.")
            case .retrying(_, let code, let delay): say("  仍在使用中（\(code)），\(Int(delay)) 秒后重试。", "  still in use (\(code)); trying again in \(Int(delay))s.")
            case .waiting(let progress): say("  等待 \(progress.awaited)……", "  waiting for \(progress.awaited)...")
            case .orphan(let entry):
                let arns = entry.fields["arns"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "?"
                say("  \(entry.operation) 创建的资源无法自动删除，请手动删除：\(arns)", "  cannot delete what \(entry.operation) made by itself; delete it by hand: \(arns)")
            case .failed(let entry, let reason): say("  删除 \(entry.operation) 创建的资源失败：\(reason)", "  could not delete what \(entry.operation) made: \(reason)")
            }
        }
        if !dryRun {
            let saved = String(format: "%.3f", report.usdPerHourSaved)
            say("已删除 \(report.deleted.count) 个资源，每小时节省约 \(saved) 美元。", "Deleted \(report.deleted.count) resources, saving about $\(saved) an hour.")
            if report.remaining.isEmpty, report.isClean {
                say("已确认：没有留下带本课程标签的资源。", "Confirmed: nothing carrying the course tags is left.")
            }
            for arn in report.remaining {
                say("  仍然存在：\(arn)", "  still there: \(arn)")
            }
        }
        return report
    }
}

import ArgumentParser
import Course

/// `ecslab reset`: forgets progress in this account and region, after
/// asking. The ledger stays, so cleanup can still find what was created.
struct ResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget your progress (what exists in AWS is not touched).")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Do not ask first.")
    var yes = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await CourseWorkspace.open(options)
            if !yes {
                guard Console.inputIsTerminal else { throw CommandFailure.usage("reset forgets your progress; run it again with --yes to confirm.") }
                let question = workspace.language == .zh ? "忘记所有学习进度？" : "Forget all your progress?"
                guard Console.confirm(question, defaultYes: false) else { return }
            }
            try workspace.progressStore.reset()
            Console.out(workspace.language == .zh ? "进度已清除。" : "Progress forgotten.")
        }
    }
}

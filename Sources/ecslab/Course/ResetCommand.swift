import ArgumentParser
import Terminal
import Tutor

/// `ecslab reset`: forgets progress in this account and region, after
/// asking. The ledger stays, so cleanup can still find what was created.
struct ResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget your progress (what exists in AWS is not touched).")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Do not ask first.")
    var yes = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await Workspace.open(try options.workspace())
            let language = workspace.language
            if !yes {
                guard let ask = askOnTerminal() else { throw CommandFailure.usage(TutorText.resetNeedsYes(language)) }
                guard ask(TutorText.resetAsk(language)) else { return }
            }
            try workspace.progressStore.reset()
            Console.standard.out(TutorText.resetDone(language))
        }
    }
}

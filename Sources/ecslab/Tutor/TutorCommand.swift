import ArgumentParser
import Tutor

/// `ecslab` with no subcommand: the interactive tutor.
struct TutorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutor", abstract: "Open the interactive tutor (what ecslab does with no subcommand).")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .customLong("no-timer"), help: "Set no timer in your account for what costs money (cleanup and reap still remove it).")
    var noTimer = false

    func run() async throws {
        var workspaceOptions: WorkspaceOptions?
        try await reportingFailures { workspaceOptions = try options.workspace() }
        guard var workspaceOptions else { return }
        workspaceOptions.timer = !noTimer
        let status = await TutorLaunch.run(workspaceOptions)
        if status != 0 { throw ExitCode(status) }
    }
}

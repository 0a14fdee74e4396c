import ArgumentParser
import Tutor

/// `ecslab` with no subcommand: the interactive tutor.
struct TutorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutor", abstract: "Open the interactive tutor (what ecslab does with no subcommand).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        var workspaceOptions: WorkspaceOptions?
        try await reportingFailures { workspaceOptions = try options.workspace() }
        guard let workspaceOptions else { return }
        let status = await TutorLaunch.run(workspaceOptions)
        if status != 0 { throw ExitCode(status) }
    }
}

import ArgumentParser
import Foundation
import Tutor

@main
struct ECSLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecslab",
        abstract: "A tutor and lab checker for the AWS ECS course.",
        version: ECSLabVersion.current,
        subcommands: [
            TutorCommand.self, LessonsCommand.self, DoCommand.self, CheckCommand.self, CleanupCommand.self, ReapCommand.self, SelftestCommand.self, ResetCommand.self,
            ScriptCommand.self, DrawCommand.self, GradeCommand.self, GraderPolicyCommand.self, LintCommand.self, CallCommand.self, QueryCommand.self, SandboxCommand.self,
        ],
        defaultSubcommand: TutorCommand.self
    )

    static func main() async {
        // Under a file size limit (ulimit -f) the kernel would kill ecslab
        // mid-write; caught, the write fails instead and is reported like a
        // full disk, with the ledger and progress left whole.
        signal(SIGXFSZ, { _ in })
        let commands = Dictionary(
            configuration.subcommands.map { command in (command._commandName, command.configuration.subcommands.map { $0._commandName }) },
            uniquingKeysWith: { first, _ in first })
        let arguments = LeadingGlobalOptions.reorder(Array(CommandLine.arguments.dropFirst()), commands: commands)
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            // The argument parser's usage errors exit 64 (EX_USAGE); the
            // README promises 2 for every usage problem, as course commands give.
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

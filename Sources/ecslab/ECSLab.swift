import ArgumentParser
import Tutor

@main
struct ECSLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecslab",
        abstract: "A tutor and lab checker for the AWS ECS course.",
        version: ECSLabVersion.current,
        subcommands: [
            TutorCommand.self, LessonsCommand.self, DoCommand.self, CheckCommand.self, CleanupCommand.self, ReapCommand.self, SelftestCommand.self, ResetCommand.self,
            GradeCommand.self, GraderPolicyCommand.self, LintCommand.self, CallCommand.self, QueryCommand.self, SandboxCommand.self,
        ],
        defaultSubcommand: TutorCommand.self
    )

    static func main() async {
        let commands = Dictionary(
            configuration.subcommands.map { command in (command._commandName, command.configuration.subcommands.map { $0._commandName }) },
            uniquingKeysWith: { first, _ in first })
        await main(LeadingGlobalOptions.reorder(Array(CommandLine.arguments.dropFirst()), commands: commands))
    }
}

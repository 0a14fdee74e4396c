import ArgumentParser

@main
struct ECSLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecslab",
        abstract: "A tutor and lab checker for the AWS ECS course.",
        version: ECSLabVersion.current,
        subcommands: [
            LessonsCommand.self, DoCommand.self, CheckCommand.self, CleanupCommand.self, SelftestCommand.self, ResetCommand.self,
            LintCommand.self, CallCommand.self, QueryCommand.self,
        ]
    )
}

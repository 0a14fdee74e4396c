import ArgumentParser

/// `ecslab sandbox start|stop|status|env`: the local AWS that stands in for
/// an account (a moto server from the project virtualenv).
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Start, stop and inspect the local AWS sandbox (a moto server).",
        discussion: """
            With the sandbox running, `ecslab --sandbox ...` works against it, and
            `eval "$(ecslab sandbox env)"` points the aws CLI and boto3 at it.
            What moto cannot do (an ECS agent, a running container, a task's public IP)
            the sandbox simulates and says so.
            """,
        subcommands: [SandboxStartCommand.self, SandboxStopCommand.self, SandboxStatusCommand.self, SandboxEnvCommand.self]
    )
}

import ArgumentParser
import Course
import Foundation
import Sandbox
import Terminal
import Tutor

/// `ecslab sandbox env`: `export` lines for `eval`, so the aws CLI and boto3
/// reach the same server as ecslab.
struct SandboxEnvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env", abstract: "Print the export lines that point the aws CLI and boto3 at the sandbox.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let state = StateDirectory()
            let server = try SandboxServer(state: state)
            guard server.running() != nil else { throw CommandFailure.usage(SandboxError.notRunning(folder: state.url.path).description) }
            let session = try await SandboxSession.open(state: state, searchFrom: [], region: options.region)
            for variable in session.variables {
                Console.standard.out("export \(variable.name)=\(variable.value)")
            }
            Console.standard.out("unset AWS_PROFILE AWS_SESSION_TOKEN")
        }
    }
}

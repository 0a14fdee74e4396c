import ArgumentParser
import Course
import Sandbox
import Terminal
import Tutor

/// `ecslab sandbox stop`: ends the server and its simulated containers.
struct SandboxStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop the sandbox server; everything in it is gone.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let server = try SandboxServer(state: StateDirectory())
            if let record = try await server.stop() {
                Console.standard.out("Stopped the sandbox at \(record.url) (pid \(record.pid)).")
            } else {
                Console.standard.out("No sandbox was running.")
            }
        }
    }
}

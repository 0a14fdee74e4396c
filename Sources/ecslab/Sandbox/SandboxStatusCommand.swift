import ArgumentParser
import Terminal
import Tutor

/// `ecslab sandbox status`: whether the sandbox runs, and what runs in it,
/// lesson by lesson.
struct SandboxStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Say whether the sandbox runs and what runs in it, by lesson.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            for line in try await SandboxStatusReport.lines(region: options.region) { Console.standard.out(line) }
        }
    }
}

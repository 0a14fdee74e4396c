import ArgumentParser
import Course
import Foundation
import Sandbox
import Terminal
import Tutor

/// `ecslab sandbox start [--app DIR]`: a server that outlives the command.
struct SandboxStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start the sandbox server for this state directory (or say that it runs).")

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The Node app that simulated Fargate tasks run (default: ECSLAB_SANDBOX_APP).", valueName: "dir"))
    var app: String?

    func run() async throws {
        try await reportingFailures {
            let server = try SandboxServer(state: StateDirectory())
            let folder = CourseFolder.locate(options.course)
            let venv = try VirtualEnvironment.locate(near: [folder, ExecutableFolder.url, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)])
            let appFolder = (app ?? ProcessInfo.processInfo.environment["ECSLAB_SANDBOX_APP"]).map {
                URL(fileURLWithPath: $0).standardizedFileURL.path
            }
            switch try await server.start(venv: venv, appFolder: appFolder) {
            case .alreadyRunning(let record):
                Console.standard.out("The sandbox already runs at \(record.url) (pid \(record.pid)).")
            case .started(let record, let stale):
                if let stale {
                    Console.standard.out("Replaced a stale sandbox record (pid \(stale.pid), port \(stale.port) no longer answered).")
                }
                Console.standard.out("The sandbox runs at \(record.url) (pid \(record.pid)).")
            }
        }
    }
}

import Foundation

/// Runs a program from the PATH to completion within a time limit, with no
/// input: probing for a tool, or preparing the app (`npm install`).
enum BoundedCommand {
    enum Outcome: Equatable {
        case exited(Int32)
        case couldNotStart
        case timedOut
    }

    static func run(
        _ command: [String], in directory: URL? = nil, output: FileHandle? = nil, environment: [String: String]? = nil, limit seconds: Double
    ) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .couldNotStart
        }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return .timedOut
        }
        return .exited(process.terminationStatus)
    }
}

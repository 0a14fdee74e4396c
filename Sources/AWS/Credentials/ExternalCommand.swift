import Foundation

/// A shell command run to completion off the Swift concurrency pool, with its
/// standard output captured. Standard error is left connected to ours, so a
/// helper's prompts and messages (e.g. an MFA prompt) reach the user directly
/// and never pass through our memory or logs.
struct ExternalCommand: Sendable {
    struct Outcome: Sendable {
        enum Termination: Sendable, Equatable {
            case exited(Int32)
            case signalled(Int32)
        }

        var termination: Termination
        var output: [UInt8]
    }

    var command: String
    var environment: [String: String]

    func run() async throws -> Outcome {
        let command = self.command
        let environment = self.environment
        return try await withCheckedThrowingContinuation { continuation in
            // Blocking reads and waits belong on a thread of their own, not on the cooperative pool.
            Thread.detachNewThread {
                continuation.resume(with: Result { try Self.runBlocking(command: command, environment: environment) })
            }
        }
    }

    private static func runBlocking(command: String, environment: [String: String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let termination: Outcome.Termination = process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        return Outcome(termination: termination, output: Array(data))
    }
}

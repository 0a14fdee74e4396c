import Foundation

/// Runs a program to completion with exactly the environment given (nothing
/// inherited from the test runner), its output in files so that a child
/// writing a lot never blocks on a full pipe. Blocking, not async: the kill
/// test runs several of these at once on threads of its own, and a blocked
/// thread of Swift's cooperative pool (two threads on a two-core machine)
/// would stall every other task.
enum Run {
    struct Outcome: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String

        /// Both streams, for a failure message.
        var said: String { standardOutput + standardError }
    }

    static func program(
        _ program: URL, _ arguments: [String], standardInput: String = "", environment: [String: String]
    ) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-cleanup-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("stdin"), output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        try Data(standardInput.utf8).write(to: input)
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}

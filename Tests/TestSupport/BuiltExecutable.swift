import Foundation
import XCTest

/// A program this package builds (`ecslab`), found in the build's products
/// folder next to the test bundle, and run the way a user runs it: arguments,
/// standard input, and its exact output and exit status back.
public struct BuiltExecutable: Sendable {
    public struct Outcome: Sendable, Equatable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String

        public init(status: Int32, standardOutput: String, standardError: String) {
            self.status = status
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    public let url: URL

    /// A program that ran past its time and was killed.
    public struct RanTooLong: Error, CustomStringConvertible {
        public var description: String
    }

    /// What a Linux pipe holds with no reader (its default capacity).
    static let pipeCapacity = 65_536

    /// Skips (or under the test command fails) when the program is not built.
    public init(_ name: String) throws {
        let url = BuiltExecutable.productsFolder.appendingPathComponent(name)
        try TestEnvironment.need("the built \(name) at \(url.path)", FileManager.default.isExecutableFile(atPath: url.path))
        self.url = url
    }

    /// Any program, such as `bash` or the virtualenv's Python.
    public init(at url: URL) {
        self.url = url
    }

    /// Where SwiftPM puts what it builds: the test bundle's folder (on macOS
    /// the `.xctest` bundle is inside it; on Linux it is an executable there).
    static var productsFolder: URL {
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// Runs the program to completion. Output goes to files rather than pipes,
    /// so a child that writes a lot can never block on a full pipe. Standard
    /// input is a file too, unless `throughPipe`, for what reads it as a pipe
    /// the way a shell's `|` gives it (`/dev/stdin` then names no file).
    public func run(
        _ arguments: [String], standardInput: String = "", throughPipe: Bool = false, in directory: URL? = nil,
        environment: [String: String] = [:], inheritsEnvironment: Bool = true, timeout: TimeInterval? = nil
    ) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ecslab-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("stdin")
        let output = folder.appendingPathComponent("stdout")
        let error = folder.appendingPathComponent("stderr")
        try Data(standardInput.utf8).write(to: input)
        try Data().write(to: output)
        try Data().write(to: error)

        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !inheritsEnvironment {
            process.environment = environment
        } else if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if throughPipe {
            // Written whole before the program starts, so no write can block on
            // a full pipe or fail on one the program closed: the input must fit.
            let bytes = Data(standardInput.utf8)
            precondition(bytes.count <= Self.pipeCapacity, "piped standard input larger than a pipe holds")
            let pipe = Pipe()
            try pipe.fileHandleForWriting.write(contentsOf: bytes)
            try pipe.fileHandleForWriting.close()
            process.standardInput = pipe
        } else {
            process.standardInput = try FileHandle(forReadingFrom: input)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // A hung child must fail its test, not stall the whole suite.
        if let timeout, exited.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            throw RanTooLong(
                description: "\(url.lastPathComponent) \(arguments.joined(separator: " ")) ran past \(Int(timeout)) s and was killed:\n"
                    + String(decoding: (try? Data(contentsOf: error)) ?? Data(), as: UTF8.self))
        }
        if timeout == nil { exited.wait() }
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: error), as: UTF8.self))
    }
}

import Foundation

/// A lab the builder made: the assumed role's keys for its account and the
/// ids it reported, or why building failed.
struct BuiltLab: Decodable, Sendable {
    struct Credentials: Decodable, Sendable {
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String
    }

    var lab: String
    var account: String
    var credentials: Credentials?
    var facts: [String: String]?
    var error: String?
}

/// Runs builders/labs.py with the project venv's python against the test
/// moto server, handing each lab over as soon as its line is printed, so
/// grading one lab overlaps building the next.
struct LabBuilder: Sendable {
    var python: URL
    var moto: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("builders/labs.py")

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Builds `labs` (name and account id) one after another in one python process.
    func build(_ labs: [(name: String, account: String)]) -> AsyncThrowingStream<BuiltLab, Error> {
        let arguments = [Self.script.path, "--endpoint", moto] + labs.map { "\($0.name)=\($0.account)" }
        let python = python
        return AsyncThrowingStream { continuation in
            // A thread of its own, because reading the pipe blocks until a line comes.
            DispatchQueue.global().async {
                do {
                    try Self.run(python, arguments) { line in
                        continuation.yield(try JSONDecoder().decode(BuiltLab.self, from: line))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }

    private static func run(_ python: URL, _ arguments: [String], eachLine: (Data) throws -> Void) throws {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-labs-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-labs-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }

        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        // Nothing of the test runner's AWS settings or ~/.aws reaches boto3:
        // the builder names the endpoint, region and keys itself.
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
            "AWS_EC2_METADATA_DISABLED": "true", "PYTHONDONTWRITEBYTECODE": "1",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()

        let reader = output.fileHandleForReading
        var buffer = Data()
        while case let chunk = reader.availableData, !chunk.isEmpty {
            buffer.append(chunk)
            while let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<end]
                buffer.removeSubrange(buffer.startIndex...end)
                try eachLine(Data(line))
            }
        }
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let said = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
            throw Failed(description: "labs.py exited with \(process.terminationStatus): \(said)")
        }
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Does a step's local actions: lays out the app from the lesson's template
/// and starts it, then stops it again at cleanup. It only ever stops a
/// process it started, and only while that process still runs the same program.
public struct LocalRunner: Sendable {
    /// The course folder, which lesson-relative template folders are read from.
    public var courseFolder: URL
    /// How long a started program may take to accept connections.
    public var startTimeout: Double = 20
    /// Where `~` and relative paths in the lesson's folders lead.
    public var paths: PathResolver
    /// Where the output of the programs it runs is kept: in the learner's
    /// state folder, so nothing is written outside the folders they chose.
    public var logFolder: URL
    /// The environment the programs run in: the learner's, with its `HOME`,
    /// so that what they write (npm's cache and logs) lands there too.
    public var environment: [String: String]

    public init(
        courseFolder: URL, paths: PathResolver = PathResolver(), logFolder: URL = FileManager.default.temporaryDirectory,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.courseFolder = courseFolder
        self.paths = paths
        self.logFolder = logFolder
        self.environment = environment
    }

    /// Copies the template folder into `destination`, keeping every file the
    /// learner already has; returns the files it wrote.
    @discardableResult
    public func copy(template: URL, to destination: URL) throws -> [String] {
        let manager = FileManager.default
        guard let walker = manager.enumerator(at: template, includingPropertiesForKeys: [.isDirectoryKey]) else {
            throw LocalActionError.missingTemplate(template.path)
        }
        var written: [String] = []
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        for case let source as URL in walker {
            let relative = String(source.standardizedFileURL.path.dropFirst(template.standardizedFileURL.path.count + 1))
            let target = destination.appendingPathComponent(relative)
            if (try? source.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
            } else if !manager.fileExists(atPath: target.path) {
                try manager.copyItem(at: source, to: target)
                written.append(relative)
            }
        }
        return written
    }

    /// Runs `command` to completion in `directory` (at most two minutes);
    /// the last lines of its output when it fails, `nil` when it succeeds.
    public func prepare(_ command: [String], in directory: URL, log: URL) -> String? {
        let output = FileManager.default.createFile(atPath: log.path, contents: nil) ? try? FileHandle(forWritingTo: log) : nil
        let name = command.joined(separator: " ")
        switch BoundedCommand.run(command, in: directory, output: output, environment: Self.withNodePath(environment), limit: 120) {
        case .exited(0): return nil
        case .couldNotStart: return "\(name) could not start"
        case .timedOut: return "\(name) took more than two minutes"
        case .exited:
            return (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(2).joined(separator: " / ") ?? "failed"
        }
    }

    /// Starts `command` so that it outlives this run; output goes to `log`.
    public func start(command: [String], in directory: URL, environment: [String: String], port: Int, log: URL) throws -> Int32 {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw LocalActionError.missingFolder(directory.path) }
        if Self.isListening(port) { throw LocalActionError.portTaken(port) }
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw LocalActionError.missingFolder(log.deletingLastPathComponent().path) }
        let output = try FileHandle(forWritingTo: log)
        // env execs the program in place, so the pid recorded is the program's.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        process.environment = Self.withNodePath(self.environment).merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(startTimeout)
        while Date() < deadline {
            if Self.isListening(port) { return process.processIdentifier }
            if !process.isRunning {
                let tail = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").suffix(3).joined(separator: " / ") ?? ""
                throw LocalActionError.exited(command.joined(separator: " "), tail)
            }
            usleep(100_000)
        }
        kill(process.processIdentifier, SIGTERM)
        throw LocalActionError.noAnswer(command.joined(separator: " "), port)
    }

    /// Debian packages Node modules (node-express among them) in a folder
    /// Node does not search by itself; offer it when nothing else is set.
    static func withNodePath(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        if environment["NODE_PATH"] == nil, FileManager.default.fileExists(atPath: "/usr/share/nodejs") {
            environment["NODE_PATH"] = "/usr/share/nodejs"
        }
        return environment
    }

    /// Stops `pid` if it still runs a command line containing `match`;
    /// true when nothing of it is left.
    public static func stop(pid: Int32, match: String) -> Bool {
        guard let commandLine = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { return true }
        guard commandLine.contains(match) else { return true }
        kill(pid, SIGTERM)
        for _ in 0..<50 {
            if kill(pid, 0) != 0 { return true }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        return kill(pid, 0) != 0
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func isListening(_ port: Int) -> Bool {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}

public enum LocalActionError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingTemplate(String)
    case missingFolder(String)
    case portTaken(Int)
    case exited(String, String)
    case noAnswer(String, Int)
    case badPort(String)

    public var description: String {
        switch self {
        case .missingTemplate(let path): return "the lesson's template folder \(path) is missing"
        case .missingFolder(let path): return "the folder \(path) does not exist: do the step that creates it first"
        case .portTaken(let port): return "something already listens on port \(port): stop it, or choose another port with --set port=..."
        case .exited(let command, let tail): return "`\(command)` stopped at once: \(tail)"
        case .noAnswer(let command, let port): return "`\(command)` started but nothing answered on port \(port)"
        case .badPort(let text): return "'\(text)' is not a port number"
        }
    }
}

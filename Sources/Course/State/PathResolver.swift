import Foundation

/// The one rule for paths a learner or a lesson writes: `~` and `~/…` are
/// `$HOME`, as in the shell and the aws CLI (the password database only
/// when `HOME` is unset), and a relative path is relative to the folder
/// ecslab was started in.
public struct PathResolver: Sendable, Equatable {
    public let home: URL
    public let workingDirectory: URL

    public init(home: URL, workingDirectory: URL) {
        self.home = home
        self.workingDirectory = workingDirectory
    }

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        self.init(home: URL(fileURLWithPath: home), workingDirectory: URL(fileURLWithPath: workingDirectory))
    }

    public func url(_ path: String) -> URL {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home.appendingPathComponent(String(path.dropFirst(2))).standardizedFileURL }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return workingDirectory.appendingPathComponent(path).standardizedFileURL
    }
}

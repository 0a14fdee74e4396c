import Foundation

/// The project virtualenv that holds the pinned moto (`scripts/setup` makes it).
public struct VirtualEnvironment: Sendable, Equatable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public var motoServer: URL { url.appendingPathComponent("bin/moto_server") }

    /// `ECSLAB_VENV`, then a `.venv` in or above any of `folders` (the course
    /// folder, the executable's folder, the current one: a checkout), then
    /// `$XDG_DATA_HOME/ecslab/venv` (where scripts/install puts it).
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment, near folders: [URL]
    ) throws -> VirtualEnvironment {
        var searched: [String] = []
        if let variable = environment["ECSLAB_VENV"], !variable.isEmpty {
            let candidate = VirtualEnvironment(url: URL(fileURLWithPath: variable))
            if candidate.isUsable { return candidate }
            throw SandboxError.virtualEnvironmentMissing(searched: ["ECSLAB_VENV=\(variable)"])
        }
        for start in folders {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = VirtualEnvironment(url: folder.appendingPathComponent(".venv"))
                if candidate.isUsable { return candidate }
                if !searched.contains(candidate.url.path) { searched.append(candidate.url.path) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/share")
        let installed = VirtualEnvironment(url: dataHome.appendingPathComponent("ecslab/venv"))
        if installed.isUsable { return installed }
        throw SandboxError.virtualEnvironmentMissing(searched: Array(searched.prefix(3)) + [installed.url.path])
    }

    var isUsable: Bool { FileManager.default.isExecutableFile(atPath: motoServer.path) }
}

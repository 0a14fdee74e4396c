import Foundation

/// Where ecslab keeps what must outlive a run: the ledger, progress, history
/// and the sandbox's address. `$XDG_STATE_HOME/ecslab`, or
/// `~/.local/state/ecslab` as the XDG base directory specification says.
public struct StateDirectory: Sendable, Equatable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            url = URL(fileURLWithPath: state).appendingPathComponent("ecslab")
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            url = home.appendingPathComponent(".local/state/ecslab")
        }
    }

    /// The folder `name` inside, created with mode 0700 when missing: it holds
    /// account ids and resource names that are nobody else's business.
    public func folder(_ name: String) throws -> URL {
        let folder = url.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            // Foundation's own error prints as a dump of its domain and user
            // info; its path is the folder that failed, perhaps a parent.
            let failed = (error as NSError).userInfo[NSFilePathErrorKey] as? String ?? folder.path
            throw StateFolderError(path: failed, problem: StateFileProblem(error))
        }
        return folder
    }
}

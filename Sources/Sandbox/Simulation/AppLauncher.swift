import Foundation

/// Runs the learner's Node app as the stand-in for a container: `node app.js`
/// in the app folder, with the task's environment and `PORT` set to a free
/// loopback port.
struct AppLauncher: Sendable {
    let appFolder: String?
    let environment: [String: String]

    init(appFolder: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.appFolder = appFolder
        self.environment = environment
    }

    /// The reason no app can run, or nil when one can.
    var unavailableReason: String? {
        guard let appFolder else {
            return "no app folder is set (ECSLAB_SANDBOX_APP, or ecslab sandbox start --app DIR)"
        }
        if entryPoint == nil { return "the app folder \(appFolder) has no app.js" }
        if node == nil { return "Node.js (node) is not installed" }
        return nil
    }

    var entryPoint: String? {
        guard let appFolder else { return nil }
        return ["app.js", "index.js", "server.js"].first {
            FileManager.default.fileExists(atPath: URL(fileURLWithPath: appFolder).appendingPathComponent($0).path)
        }
    }

    var node: String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the app and waits until it listens; the process, or why it could not run.
    func launch(taskEnvironment: [String: String], port: Int, log: URL) async -> Result<ChildProcess, LaunchFailure> {
        if let reason = unavailableReason { return .failure(LaunchFailure(reason: reason)) }
        guard let appFolder, let entryPoint, let node else { return .failure(LaunchFailure(reason: "no app")) }
        var variables = ["PATH": environment["PATH"] ?? "/usr/bin:/bin", "HOME": environment["HOME"] ?? "/tmp"]
        // Debian's node-express lives here, and this node does not look there by itself.
        variables["NODE_PATH"] = ([environment["NODE_PATH"], "/usr/share/nodejs"].compactMap { $0 }).joined(separator: ":")
        variables.merge(taskEnvironment) { _, task in task }
        variables["PORT"] = String(port)
        variables["HOST"] = "127.0.0.1"
        let process: ChildProcess
        do {
            process = try ChildProcess.spawn(
                node, arguments: [entryPoint], environment: variables, directory: appFolder, log: log.path, detachment: .daemon)
        } catch {
            return .failure(LaunchFailure(reason: "\(error)"))
        }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, process.isAlive {
            if LoopbackPort.accepts(port) { return .success(process) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        process.stop()
        return .failure(LaunchFailure(reason: "the app did not listen on PORT=\(port): \(SandboxServer.tail(of: log))"))
    }

    struct LaunchFailure: Error {
        var reason: String
    }
}

import Foundation
import TestSupport
import XCTest

/// The tutor as a learner without an AWS account meets it: the shipped
/// course, no credentials anywhere, and the sandbox (a moto server the
/// tutor starts for itself from the project virtualenv).
struct SandboxTutorFixture {
    let ecslab: BuiltExecutable
    let state: URL
    let natGatewaySeconds: Int

    init(natGatewaySeconds: Int) throws {
        ecslab = try BuiltExecutable("ecslab")
        state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-repl-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        self.natGatewaySeconds = natGatewaySeconds
    }

    var environment: [String: String] {
        get throws {
            let venv = try TestEnvironment.venvProgram("moto_server").deletingLastPathComponent().deletingLastPathComponent()
            return [
                "XDG_STATE_HOME": state.path, "HOME": state.path, "TERM": "screen", "PATH": "/usr/bin:/bin",
                "ECSLAB_VENV": venv.path, "ECSLAB_COURSE": TestEnvironment.projectRoot.path,
                "ECSLAB_SANDBOX_NAT_SECONDS": String(natGatewaySeconds),
            ]
        }
    }

    func terminal(_ arguments: [String]) throws -> TmuxTerminal {
        try TmuxTerminal(ecslab.url, arguments, environment: try environment)
    }

    /// The moto servers started for this fixture's state folder that still run.
    func runningServers() -> [String] {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return processes.filter { Int($0) != nil }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ")
            else { return nil }
            let command = String(decoding: data, as: UTF8.self)
            let variables = String(decoding: environment, as: UTF8.self)
            return command.contains("moto_server") && variables.contains("XDG_STATE_HOME=\(state.path)") ? pid : nil
        }
    }
}

import Foundation
import Synchronization

/// Whether a tool a step or check needs answers on this machine.
public protocol ToolAvailability: Sendable {
    func isAvailable(_ tool: String) -> Bool
}

/// The tools the course knows, asked for real: `docker` counts only when its
/// engine answers (`docker info`), not when the client alone is installed.
/// `ecs-agent` is not on this machine but in the account: real AWS has
/// one on every ECS-optimized instance, the sandbox simulates one, and a
/// plain local AWS (moto alone) has none, so nothing would ever register.
public struct LocalTools: ToolAvailability {
    public static let known = ["docker", "node", "ecs-agent"]

    /// Whether the account runs ECS agents on its instances.
    public var accountHasECSAgent: Bool

    /// What each tool answered, asked once for this value and its copies:
    /// a run judges a check many times while its reads come in, and `docker
    /// info` alone takes tens of milliseconds. A new value asks again, so
    /// the tutor sees a tool installed in the middle of a session.
    private let answered = Answers()

    private final class Answers: Sendable {
        let byTool = Mutex<[String: Bool]>([:])
    }

    public init(accountHasECSAgent: Bool = true) {
        self.accountHasECSAgent = accountHasECSAgent
    }

    public func isAvailable(_ tool: String) -> Bool {
        if tool == "ecs-agent" { return accountHasECSAgent }
        if let known = answered.byTool.withLock({ $0[tool] }) { return known }
        let available: Bool
        switch tool {
        case "docker": available = Self.succeeds("docker", ["info", "--format", "{{.ServerVersion}}"])
        case "node": available = Self.succeeds("node", ["--version"])
        default: available = false
        }
        answered.byTool.withLock { $0[tool] = available }
        return available
    }

    /// Runs `program` from the PATH with a 10-second limit; true on exit 0.
    static func succeeds(_ program: String, _ arguments: [String]) -> Bool {
        BoundedCommand.run([program] + arguments, limit: 10) == .exited(0)
    }
}

/// A fixed answer, for tests and for learners who say what they have.
public struct FixedTools: ToolAvailability {
    public var available: Set<String>

    public init(_ available: Set<String>) {
        self.available = available
    }

    public func isAvailable(_ tool: String) -> Bool { available.contains(tool) }
}

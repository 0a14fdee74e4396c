import Foundation

/// Whether a tool a step or check needs answers on this machine.
public protocol ToolAvailability: Sendable {
    func isAvailable(_ tool: String) -> Bool
}

/// The tools the course knows, asked for real: `docker` counts only when its
/// engine answers (`docker info`), not when the client alone is installed.
public struct LocalTools: ToolAvailability {
    public static let known = ["docker", "node"]

    public init() {}

    public func isAvailable(_ tool: String) -> Bool {
        switch tool {
        case "docker": return Self.succeeds("docker", ["info", "--format", "{{.ServerVersion}}"])
        case "node": return Self.succeeds("node", ["--version"])
        default: return false
        }
    }

    /// Runs `program` from the PATH with a 10-second limit; true on exit 0.
    static func succeeds(_ program: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            return false
        }
        return process.terminationStatus == 0
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

import Course
import Foundation
import JSON

/// The HTTP probe in sandbox mode: a GET of a task's simulated public IP goes
/// to the local process standing in for its container; anything else goes
/// to `base` (loopback).
public struct SandboxProber: HTTPProber {
    let base: any HTTPProber
    let store: SimulatedTaskStore
    let refresh: @Sendable () async throws -> Void

    init(base: any HTTPProber, store: SimulatedTaskStore, refresh: @escaping @Sendable () async throws -> Void) {
        self.base = base
        self.store = store
        self.refresh = refresh
    }

    public func get(_ url: String, timeoutSeconds: Int) async throws -> JSON {
        guard let parts = ProbeURL(url), parts.host.hasPrefix(TaskSimulator.publicIPPrefix) else {
            return try await base.get(url, timeoutSeconds: timeoutSeconds)
        }
        try await refresh()
        guard let task = store.load().first(where: { $0.publicIp == parts.host }) else {
            throw SimulatedProbeError(message: "no running task has the simulated public IP \(parts.host)")
        }
        guard let port = task.loopbackPort, let pid = task.pid, ChildProcess(pid: pid).isAlive else {
            // No Node or no app here: the check cannot be made, which is not the learner's fault.
            let why = task.unavailable ?? "its local process ended"
            throw ProbeUnavailable(
                reason: LocalizedText(
                    zh: "跳过（模拟）：任务 \(task.taskID) 没有本地模拟的容器：\(why)",
                    en: "skipped (simulated): task \(task.taskID) has no simulated container: \(why)"))
        }
        let answer = try await base.get("http://127.0.0.1:\(port)\(parts.pathAndQuery)", timeoutSeconds: timeoutSeconds)
        guard var object = answer.objectValue else { return answer }
        object["simulated"] = true
        return .object(object)
    }

}

/// A probe of a simulated task that cannot be answered, and why.
public struct SimulatedProbeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "simulated: \(message)" }
}

import AWS
import Course
import Foundation
import Sandbox

/// What `ecslab sandbox status` says: whether the sandbox runs and what
/// runs in it, lesson by lesson, with the containers it simulates.
public enum SandboxStatusReport {
    public static func lines(region: String?, state: StateDirectory = StateDirectory()) async throws -> [String] {
        let server = try SandboxServer(state: state)
        guard let record = server.running() else {
            return [server.storedRecord() != nil
                ? "The sandbox is not running (its record is stale: the next start replaces it)." : "The sandbox is not running."]
        }
        let sandbox = try await SandboxSession.open(state: state, searchFrom: [], region: region)
        let started = ISO8601DateFormatter().string(from: record.startedAt)
        var lines = ["The sandbox runs at \(record.url) (pid \(record.pid), since \(started)), region \(sandbox.region)."]
        let aws = try AWSSession(configuration: sandbox.configuration(), endpointOverride: sandbox.endpoint)
        let identity = try await aws.callerIdentity()
        let model = ModelAccount(client: aws.client, account: identity.account, region: sandbox.region)
        let byLesson = try await SandboxInventory(account: sandbox.account(wrapping: model, notices: .silent)).resourcesByLesson()
        let live = try Ledger(state: state, account: identity.account, region: sandbox.region).live()
        let lessons = Set(byLesson.keys).union(live.map(\.lesson)).sorted()
        if lessons.isEmpty { lines.append("No course resources.") }
        for lesson in lessons {
            let resources = byLesson[lesson] ?? []
            lines.append("lesson \(lesson): \(resources.count) tagged resources, \(live.filter { $0.lesson == lesson }.count) in the ledger")
            lines += resources.map { "  \($0)" }
        }
        for task in sandbox.taskSimulator(notices: .silent).store.load() {
            var line = "task \(task.taskID) (simulated)"
            if let ip = task.publicIp { line += ": public IP \(ip)" }
            if let port = task.loopbackPort { line += ", container on 127.0.0.1:\(port)" }
            if let reason = task.unavailable { line += ", no container: \(reason)" }
            lines.append(line)
        }
        return lines
    }
}

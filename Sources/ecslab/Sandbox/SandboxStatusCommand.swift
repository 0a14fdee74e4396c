import AWS
import ArgumentParser
import Course
import Foundation
import JSON
import Sandbox

/// `ecslab sandbox status`: whether the sandbox runs, and what runs in it,
/// lesson by lesson.
struct SandboxStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Say whether the sandbox runs and what runs in it, by lesson.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let state = StateDirectory()
            let server = try SandboxServer(state: state)
            guard let record = server.running() else {
                if server.storedRecord() != nil {
                    Console.out("The sandbox is not running (its record is stale: the next start replaces it).")
                } else {
                    Console.out("The sandbox is not running.")
                }
                return
            }
            let session = try await SandboxSession.open(state: state, searchFrom: [], region: options.region)
            let started = ISO8601DateFormatter().string(from: record.startedAt)
            Console.out("The sandbox runs at \(record.url) (pid \(record.pid), since \(started)), region \(session.region).")
            let aws = try AWSSession(configuration: session.configuration(), endpointOverride: session.endpoint)
            let identity = try await aws.callerIdentity()
            let model = ModelAccount(client: aws.client, account: identity.account, region: session.region)
            let account = session.account(wrapping: model, notices: .silent)
            let byLesson = try await SandboxInventory(account: account).resourcesByLesson()
            let ledger = try Ledger(state: state, account: identity.account, region: session.region)
            let live = try ledger.live()
            let lessons = Set(byLesson.keys).union(live.map(\.lesson)).sorted()
            if lessons.isEmpty {
                Console.out("No course resources.")
            }
            for lesson in lessons {
                let resources = byLesson[lesson] ?? []
                let recorded = live.filter { $0.lesson == lesson }.count
                Console.out("lesson \(lesson): \(resources.count) tagged resources, \(recorded) in the ledger")
                for arn in resources { Console.out("  \(arn)") }
            }
            for task in session.taskSimulator(notices: .silent).store.load() {
                var line = "task \(task.taskID) (simulated)"
                if let ip = task.publicIp { line += ": public IP \(ip)" }
                if let port = task.loopbackPort { line += ", container on 127.0.0.1:\(port)" }
                if let reason = task.unavailable { line += ", no container: \(reason)" }
                Console.out(line)
            }
        }
    }
}

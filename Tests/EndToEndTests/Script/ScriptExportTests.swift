import Foundation
import Synchronization
import TestSupport
import XCTest

/// Each lesson as `ecslab script` prints it, run with the pinned `aws` CLI
/// against a fresh moto account, with nothing of ecslab's sandbox: then
/// `ecslab check`, with an empty home, gives full marks for everything but
/// what only the sandbox can simulate (container agents, a running task,
/// its page), and the lessons' `--undo` scripts, run in the reverse order,
/// leave nothing in the account (by an inventory of everything, tagged or
/// not).
///
/// Lesson 6 builds an image with Docker, which this machine lacks: its one
/// AWS resource, the ECR repository, is made by hand where its script
/// would have made it, and removed at the end. The clusters lesson deletes
/// its EC2 cluster in its last step, so one account runs it with
/// ECSLAB_STOP_BEFORE to be checked first, and a second runs it whole,
/// in Chinese, and must be left with no EC2 capacity.
final class ScriptExportTests: XCTestCase {
    private var servers: [OwnMotoServer] = []

    override func tearDown() {
        servers.forEach { $0.stop() }
        servers = []
        super.tearDown()
    }

    private struct Shell {
        let account: LearnerAccount
        let folder: URL
        let language: String

        var environment: [String: String] {
            var environment = account.environment
            environment["PATH"] = (try? TestEnvironment.venvProgram("aws").deletingLastPathComponent().path).map { "\($0):/usr/bin:/bin" } ?? "/usr/bin:/bin"
            environment["AWS_ENDPOINT_URL"] = account.endpoint
            environment["AWS_PAGER"] = ""
            environment["ECSLAB_WAIT_SECONDS"] = "5"
            environment["ECSLAB_LANG"] = language
            return environment
        }

        /// Prints the lesson's script with ecslab, writes it here and runs it with bash.
        func run(_ lesson: String, undo: Bool = false, stopBefore: String? = nil) throws -> (script: String, outcome: Run.Outcome) {
            let printed = try Run.program(account.ecslab, ["script", lesson] + (undo ? ["--undo"] : []), environment: environment)
            guard printed.status == 0 else { throw CleanupFailure("ecslab script \(lesson) exited \(printed.status): \(printed.standardError)") }
            let file = folder.appendingPathComponent("\(lesson)\(undo ? "-undo" : "").sh")
            try printed.standardOutput.write(to: file, atomically: true, encoding: .utf8)
            var environment = self.environment
            if let stopBefore { environment["ECSLAB_STOP_BEFORE"] = stopBefore }
            let bash = URL(fileURLWithPath: "/bin/bash")
            // In the scripts' folder, where each keeps its ids file for the next.
            return (printed.standardOutput, try Run.program(bash, ["-c", "cd \"$0\" && exec bash \"$1\"", folder.path, file.path], environment: environment))
        }

        func aws(_ arguments: [String]) throws -> Run.Outcome {
            try Run.program(try TestEnvironment.venvProgram("aws"), arguments, environment: environment)
        }

        func everything() throws -> [String] {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("builders/everything.py")
            let outcome = try Run.program(account.python, [script.path, "--endpoint", account.endpoint], environment: account.environment)
            guard outcome.status == 0 else { throw CleanupFailure("everything.py exited \(outcome.status): \(outcome.standardError)") }
            return outcome.standardOutput.split(separator: "\n").map(String.init)
        }
    }

    private struct Marks: Decodable {
        var score: Double
        var possible: Int
        var passed: Int
        var failed: Int
        var errors: Int
        var not_applicable: Int
    }

    func testEachLessonAsAScriptBuildsWhatItsChecksWantAndItsTeardownLeavesNothing() throws {
        let server = try OwnMotoServer()
        servers.append(server)
        let accounts = try LearnerAccount.make(2, on: server.url)
        defer { accounts.forEach { $0.remove() } }
        let shells = try accounts.enumerated().map { index, account in
            let folder = account.folder.appendingPathComponent("scripts")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return Shell(account: account, folder: folder, language: index == 0 ? "en" : "zh")
        }
        // Threads, not tasks: every step blocks on a child process.
        let found = Mutex<[Int: (lines: [String], failures: [String])]>([:])
        DispatchQueue.concurrentPerform(iterations: shells.count) { index in
            var lines: [String] = []
            var failures: [String] = []
            do {
                if index == 0 { try Self.everyLesson(shells[index], lines: &lines, failures: &failures) } else { try Self.clustersWhole(shells[index], failures: &failures) }
            } catch {
                failures.append("\(error)")
            }
            found.withLock { $0[index] = (lines, failures) }
        }
        let results = found.withLock { $0 }
        for index in shells.indices {
            for failure in results[index]?.failures ?? ["no result"] { XCTFail(failure) }
            for line in results[index]?.lines ?? [] { print(line) }
        }
    }

    /// Lessons 3 to 7 in English, each checked after its script; then the
    /// teardowns in the reverse order.
    private static func everyLesson(_ shell: Shell, lines: inout [String], failures: inout [String]) throws {
        for lesson in ["iam-roles", "network", "clusters", "web-app", "fargate-task"] {
            if lesson == "web-app" {
                let made = try shell.aws(["ecr", "create-repository", "--repository-name", "ecslab-web"])
                if made.status != 0 { failures.append("the repository: \(made.standardError)") }
                continue
            }
            let (script, outcome) = try shell.run(lesson, stopBefore: lesson == "clusters" ? "delete-ec2-cluster" : nil)
            if outcome.status != 0 {
                failures.append("\(lesson).sh exited \(outcome.status):\n\(outcome.standardOutput.suffix(2000))\n\(outcome.standardError.suffix(2000))")
            }
            if !script.contains("set -euo pipefail") { failures.append("\(lesson).sh does not stop at the first error") }
            if script.contains("ecslab:entry") || script.contains("ecslab:course") { failures.append("\(lesson).sh carries ecslab's bookkeeping tags") }
            let checked = try shell.account.ecslab(["check", lesson, "--format", "json"])
            let marks = try JSONDecoder().decode(Marks.self, from: Data(checked.standardOutput.utf8))
            if marks.score != Double(marks.possible) || marks.failed + marks.errors != 0 {
                failures.append("\(lesson): not full marks but for what only the sandbox simulates:\n\(checked.standardOutput)")
            }
            lines.append("script \(lesson): \(marks.passed) checks passed, \(Int(marks.score))/\(marks.possible) marks, \(marks.not_applicable) only the sandbox can simulate")
        }
        if try shell.everything().isEmpty { failures.append("the scripts made nothing") }
        for lesson in ["fargate-task", "clusters", "network", "iam-roles"] {
            let (_, outcome) = try shell.run(lesson, undo: true)
            if outcome.status != 0 { failures.append("\(lesson)-undo.sh exited \(outcome.status):\n\(outcome.standardError.suffix(2000))") }
        }
        _ = try shell.aws(["ecr", "delete-repository", "--repository-name", "ecslab-web"])
        let left = try shell.everything()
        if !left.isEmpty { failures.append("left after the --undo scripts:\n\(left.joined(separator: "\n"))") }
        lines.append("after the --undo scripts of fargate-task, clusters, network, iam-roles: \(left.count) left")
    }

    /// The clusters lesson whole, in Chinese: its last step deletes the EC2
    /// cluster, and its teardown then passes over what that step deleted.
    private static func clustersWhole(_ shell: Shell, failures: inout [String]) throws {
        for lesson in ["iam-roles", "network", "clusters"] {
            let (script, outcome) = try shell.run(lesson)
            if outcome.status != 0 { failures.append("\(lesson).sh in Chinese exited \(outcome.status):\n\(outcome.standardError.suffix(2000))") }
            if !script.contains("由 `ecslab script \(lesson)` 生成") { failures.append("\(lesson).sh: the comments are not in the learner's language") }
        }
        let afterClusters = try shell.everything()
        for kind in ["auto-scaling-group", "launch-template", "instance"] where afterClusters.contains(where: { $0.hasPrefix(kind + " ") }) {
            failures.append("the clusters script left its \(kind):\n\(afterClusters.joined(separator: "\n"))")
        }
        if !afterClusters.contains("cluster ecslab-fargate") { failures.append("the Fargate cluster should stay for lesson 7") }
        for lesson in ["clusters", "network", "iam-roles"] {
            let (_, outcome) = try shell.run(lesson, undo: true)
            if outcome.status != 0 { failures.append("\(lesson)-undo.sh in Chinese exited \(outcome.status):\n\(outcome.standardError.suffix(2000))") }
        }
        let left = try shell.everything()
        if !left.isEmpty { failures.append("left after the Chinese --undo scripts:\n\(left.joined(separator: "\n"))") }
    }
}

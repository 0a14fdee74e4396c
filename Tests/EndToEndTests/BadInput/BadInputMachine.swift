import Foundation
import TestSupport
import XCTest

/// A learner's machine for one bad input: an empty home, a state folder of
/// its own already holding a ledger and progress (as an earlier session
/// would have left them), and none of the test runner's AWS settings.
/// After the bad input, those two files must be exactly as they were.
struct BadInputMachine {
    static let region = "us-east-1"
    /// The account moto gives any key it did not issue.
    static let motoAccount = "123456789012"

    let root: URL
    let account: String

    var home: URL { root.appendingPathComponent("home") }
    /// `XDG_STATE_HOME`; ecslab keeps its files in `ecslab/` inside.
    var stateHome: URL { root.appendingPathComponent("state") }
    var stateFolder: URL { stateHome.appendingPathComponent("ecslab") }
    var ledger: URL { stateFolder.appendingPathComponent("ledger/\(account)-\(Self.region).jsonl") }
    var progress: URL { stateFolder.appendingPathComponent("progress/\(account)-\(Self.region).json") }

    /// - Parameter seeded: false for a machine where ecslab never ran.
    init(account: String = BadInputMachine.motoAccount, seeded: Bool = true) throws {
        root = try TestEnvironment.temporaryFolder("ecslab-bad-input")
        self.account = account
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        if seeded { try seed() }
    }

    /// What an earlier `do web-app` left: the repository it made, in the
    /// ledger (its intent and its creation), and the step done in progress.
    /// The progress file is as ecslab writes it, so that a rewrite of the
    /// same progress would not count as a change.
    private func seed() throws {
        for folder in [stateFolder, ledger.deletingLastPathComponent(), progress.deletingLastPathComponent()] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let arn = "arn:aws:ecr:\(Self.region):\(account):repository/ecslab-web"
        let lines = [
            #"{"event":"intent","id":"0b5e7a52-5d1c-4d51-9d0e-7f3c2a1b0c01","time":"2026-01-05T09:00:00.000Z","lesson":"web-app","step":"repository","index":0,"call":"ecr:CreateRepository","input":{"repositoryName":"ecslab-web"},"tags":{"ecslab:course":"ecslab","ecslab:lesson":"web-app","ecslab:owner":"learner","ecslab:expires-at":"2026-01-05T13:00:00Z","ecslab:entry":"0b5e7a52-5d1c-4d51-9d0e-7f3c2a1b0c01"}}"#,
            #"{"event":"created","id":"0b5e7a52-5d1c-4d51-9d0e-7f3c2a1b0c01","time":"2026-01-05T09:00:01.000Z","saved":{"repository_arn":"\#(arn)"},"undo":{"call":"ecr:DeleteRepository","params":{"repositoryName":"ecslab-web","force":true}}}"#,
        ]
        try write(lines.joined(separator: "\n") + "\n", to: ledger)
        try write(
            """
            {
              "version": 1,
              "lesson": "web-app",
              "step": "repository",
              "completed": {
                "web-app": [
                  "repository"
                ]
              },
              "quiz": {},
              "hints": {},
              "saved": {
                "web-app": {
                  "repository_arn": "\(arn)"
                }
              },
              "torn-down": {},
              "recorded-passes": [],
              "names": {}
            }

            """, to: progress)
    }

    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// Every file under the state folder, by its path inside, with its bytes.
    func stateFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: stateFolder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.path.dropFirst(stateFolder.path.count))] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// No AWS settings of the runner's, no profile files: only `extra`.
    func environment(_ extra: [String: String]) -> [String: String] {
        var environment = [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "ECSLAB_LANG": "en",
            "XDG_STATE_HOME": stateHome.path, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path, "XDG_DATA_HOME": root.appendingPathComponent("data").path,
            "ECSLAB_COURSE": TestEnvironment.projectRoot.path,
        ]
        environment.merge(extra) { _, given in given }
        return environment
    }

    /// Keys moto accepts for this machine's account.
    static func motoKeys(accessKeyID: String = "AKIAIOSFODNN7EXAMPLE") -> [String: String] {
        ["AWS_ACCESS_KEY_ID": accessKeyID, "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_REGION": region]
    }

    /// Runs the built ecslab, through `wrapper` (setpriv, prlimit) when given.
    func run(_ arguments: [String], environment extra: [String: String], through wrapper: [String] = []) throws -> BuiltExecutable.Outcome {
        let ecslab = try BuiltExecutable("ecslab")
        let environment = environment(extra)
        let outcome: BuiltExecutable.Outcome
        if let program = wrapper.first {
            outcome = try BuiltExecutable(at: URL(fileURLWithPath: program)).run(
                Array(wrapper.dropFirst()) + [ecslab.url.path] + arguments, in: home, environment: environment, inheritsEnvironment: false,
                timeout: 90)
        } else {
            outcome = try ecslab.run(arguments, in: home, environment: environment, inheritsEnvironment: false, timeout: 90)
        }
        BadInputRecord.note(arguments, outcome)
        return outcome
    }

    func remove() {
        // A test may leave folders it made read-only behind.
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in walker {
                chmod(root.appendingPathComponent(path).path, 0o700)
            }
        }
        try? FileManager.default.removeItem(at: root)
    }
}

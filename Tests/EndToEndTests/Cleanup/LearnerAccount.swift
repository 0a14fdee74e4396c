import Foundation
import TestSupport
import XCTest

/// One learner in an AWS account of their own on a moto server, and the
/// programs a test runs as them: the built `ecslab`, with nothing of the
/// developer's machine (no ~/.aws, no AWS_* settings, its own
/// XDG_STATE_HOME for the ledger), and the Python builders beside this file
/// with the same keys.
///
/// PATH is an empty folder: the course's local steps (`npm install`, the
/// app on port 3000, Docker) are then skipped as needing a tool that is not
/// there, so no test leaves a Node process behind or fights another over a
/// port; what these tests are about is in the AWS account.
struct LearnerAccount: Sendable {
    static let owner = "learner"
    static let builders = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("builders")

    let endpoint: String
    let account: String
    let keys: Keys
    let folder: URL
    let ecslab: URL
    let python: URL

    struct Keys: Decodable, Sendable {
        var account: String
        var accessKeyId: String
        var secretAccessKey: String
        var sessionToken: String
    }

    /// `count` fresh accounts on the server at `endpoint`, each with a new
    /// random 12-digit id, so that no two tests (nor two runs of one) share.
    static func make(_ count: Int, on endpoint: String) throws -> [LearnerAccount] {
        let ecslab = try BuiltExecutable("ecslab").url
        let python = try TestEnvironment.venvProgram("python")
        let ids = (0..<count).map { _ in "4" + String(format: "%011lld", Int64.random(in: 0..<100_000_000_000)) }
        let scratch = try TestEnvironment.temporaryFolder("ecslab-cleanup-keys")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let printed = try Run.program(
            python, [builders.appendingPathComponent("accounts.py").path, "--endpoint", endpoint, "--session", owner] + ids,
            environment: baseEnvironment(home: scratch, path: scratch))
        guard printed.status == 0 else { throw CleanupFailure("accounts.py exited \(printed.status): \(printed.standardError)") }
        let keys = try JSONDecoder().decode([Keys].self, from: Data(printed.standardOutput.utf8))
        return try keys.map { keys in
            let folder = try TestEnvironment.temporaryFolder("ecslab-cleanup-\(keys.account)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("home"), withIntermediateDirectories: true)
            return LearnerAccount(endpoint: endpoint, account: keys.account, keys: keys, folder: folder, ecslab: ecslab, python: python)
        }
    }

    static func make(on endpoint: String) throws -> LearnerAccount {
        try make(1, on: endpoint)[0]
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    var state: URL { folder.appendingPathComponent("state") }

    /// Where ecslab keeps this account's ledger for `region`.
    func ledger(_ region: String = "ap-northeast-1") -> URL {
        state.appendingPathComponent("ecslab/ledger/\(account)-\(region).jsonl")
    }

    /// What every program run here gets, and nothing else: no AWS
    /// profile files, no metadata service, English without colours.
    static func baseEnvironment(home: URL, path: URL) -> [String: String] {
        [
            "HOME": home.path, "LC_ALL": "C.UTF-8", "NO_COLOR": "1", "ECSLAB_LANG": "en",
            "AWS_CONFIG_FILE": home.appendingPathComponent("no-config").path,
            "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("no-credentials").path,
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_REGION": "ap-northeast-1", "AWS_DEFAULT_REGION": "ap-northeast-1",
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "PYTHONDONTWRITEBYTECODE": "1", "PATH": path.path,
            // The lessons and checks of this tree, not those of an installed course.
            "ECSLAB_COURSE": TestEnvironment.projectRoot.path,
        ]
    }

    var environment: [String: String] {
        var environment = Self.baseEnvironment(home: folder.appendingPathComponent("home"), path: folder.appendingPathComponent("bin"))
        environment["XDG_STATE_HOME"] = state.path
        environment["AWS_ACCESS_KEY_ID"] = keys.accessKeyId
        environment["AWS_SECRET_ACCESS_KEY"] = keys.secretAccessKey
        environment["AWS_SESSION_TOKEN"] = keys.sessionToken
        return environment
    }

    /// `ecslab ARGUMENTS --endpoint-url ENDPOINT`, to the account's server
    /// unless another endpoint (a proxy) is given; with its wall clock
    /// `clockAhead` seconds on (builders/wall_clock_ahead.c) when given.
    func ecslab(_ arguments: [String], endpoint: String? = nil, clockAhead: Int? = nil) throws -> Run.Outcome {
        let full = arguments + ["--endpoint-url", endpoint ?? self.endpoint]
        var environment = self.environment
        if let clockAhead {
            environment["LD_PRELOAD"] = try Self.wallClockAhead().path
            environment["ECSLAB_TEST_WALL_CLOCK_AHEAD"] = String(clockAhead)
        }
        return try Run.program(ecslab, full, environment: environment)
    }

    /// A builder from builders/ with this account's keys; fails the test
    /// with the builder's own error when it exits non-zero.
    func builder(_ script: String, _ arguments: [String], input: String = "") throws -> String {
        let outcome = try Run.program(
            python, [Self.builders.appendingPathComponent(script).path] + arguments, standardInput: input, environment: environment)
        guard outcome.status == 0 else {
            throw CleanupFailure("\(script) \(arguments.joined(separator: " ")) exited \(outcome.status):\n\(outcome.standardError)")
        }
        return outcome.standardOutput
    }

    /// Everything carrying the course tag in the account, found without ecslab.
    func inventory(_ regions: [String] = ["ap-northeast-1"]) throws -> Inventory {
        let printed = try builder("inventory.py", ["--endpoint", endpoint, "--regions", regions.joined(separator: ",")])
        return try JSONDecoder().decode(Inventory.self, from: Data(printed.utf8))
    }

    /// builders/wall_clock_ahead.c built once per test run, with the C compiler on the machine.
    static func wallClockAhead() throws -> URL {
        try builtWallClock.get()
    }

    private static let builtWallClock = Result<URL, any Error> {
        let compiler = ["/usr/bin/cc", "/usr/bin/gcc", "/usr/bin/clang"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try TestEnvironment.need("a C compiler (cc) to build builders/wall_clock_ahead.c", compiler != nil)
        let library = try TestEnvironment.temporaryFolder("ecslab-wall-clock").appendingPathComponent("wall_clock_ahead.so")
        let built = try Run.program(
            URL(fileURLWithPath: compiler ?? "cc"),
            ["-shared", "-fPIC", "-O2", "-o", library.path, builders.appendingPathComponent("wall_clock_ahead.c").path, "-ldl"],
            environment: ["PATH": "/usr/bin:/bin"])
        guard built.status == 0 else { throw CleanupFailure("building wall_clock_ahead.so failed: \(built.standardError)") }
        return library
    }
}

import Course
import Foundation
import Sandbox
import TestSupport
import XCTest

/// `ecslab sandbox start|stop|status|env` and `--sandbox`, run as a user runs
/// them, each test with its own state directory (so its own server).
final class SandboxCommandTests: XCTestCase {
    var states: [URL] = []
    var ecslab: BuiltExecutable!
    var venv: String = ""

    override func setUpWithError() throws {
        ecslab = try BuiltExecutable("ecslab")
        venv = try TestEnvironment.venvEnvironment()["ECSLAB_VENV"] ?? ""
    }

    override func tearDown() {
        for state in states {
            _ = try? run(["sandbox", "stop"], state: state)
            try? FileManager.default.removeItem(at: state)
        }
    }

    func newState() throws -> URL {
        let state = try TestEnvironment.temporaryFolder("ecslab-sandbox-test")
        states.append(state)
        return state
    }

    func run(_ arguments: [String], state: URL, extra: [String: String] = [:]) throws -> BuiltExecutable.Outcome {
        var environment = ["XDG_STATE_HOME": state.path, "ECSLAB_VENV": venv, "NO_COLOR": "1"]
        environment.merge(extra) { _, new in new }
        return try ecslab.run(arguments, environment: environment)
    }

    func record(in state: URL) throws -> SandboxRecord {
        try XCTUnwrap(SandboxServer(state: StateDirectory(url: state.appendingPathComponent("ecslab"))).storedRecord())
    }

    func answers(_ port: Int) -> Bool {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A command killed outright cannot stop the server it started; the next
    /// command in the same state directory does.
    func testTheServerOfAKilledCommandIsEndedByTheNext() throws {
        let state = try newState()
        let tutor = Process()
        tutor.executableURL = ecslab.url
        tutor.arguments = ["--sandbox", "--lang", "en"]
        tutor.environment = ["XDG_STATE_HOME": state.path, "HOME": state.path, "ECSLAB_VENV": venv, "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        tutor.standardInput = input
        tutor.standardOutput = FileHandle.nullDevice
        tutor.standardError = FileHandle.nullDevice
        try tutor.run()
        let folder = state.appendingPathComponent("ecslab/sandbox")
        let owned = folder.appendingPathComponent("own-\(tutor.processIdentifier).json")
        let giveUp = Date().addingTimeInterval(60)
        while Date() < giveUp, !FileManager.default.fileExists(atPath: owned.path) { usleep(50_000) }
        let server = try XCTUnwrap(SandboxRecord.read(from: owned), "the tutor records the server it started")
        kill(tutor.processIdentifier, SIGKILL)
        tutor.waitUntilExit()
        try? input.fileHandleForWriting.close()
        XCTAssertTrue(answers(server.port), "a killed command leaves its server running")

        let next = try run(["--sandbox", "lessons"], state: state)
        XCTAssertEqual(next.status, 0, next.standardError)
        let stopped = Date().addingTimeInterval(10)
        while Date() < stopped, answers(server.port) { usleep(50_000) }
        XCTAssertFalse(answers(server.port), "the next command ends the orphaned server")
        XCTAssertFalse(FileManager.default.fileExists(atPath: owned.path))
    }

    func testStartStatusEnvStop() throws {
        let state = try newState()
        XCTAssertEqual(try run(["sandbox", "status"], state: state), .init(status: 0, standardOutput: "The sandbox is not running.\n", standardError: ""))

        let started = try run(["sandbox", "start"], state: state)
        let server = try record(in: state)
        XCTAssertEqual(started, .init(status: 0, standardOutput: "The sandbox runs at http://127.0.0.1:\(server.port) (pid \(server.pid)).\n", standardError: ""))
        XCTAssertTrue(answers(server.port))
        XCTAssertEqual(
            try run(["sandbox", "start"], state: state).standardOutput,
            "The sandbox already runs at http://127.0.0.1:\(server.port) (pid \(server.pid)).\n")

        let status = try run(["sandbox", "status"], state: state)
        XCTAssertEqual(status.status, 0, status.standardError)
        let lines = status.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, status.standardOutput)
        XCTAssertTrue(lines.first?.hasPrefix("The sandbox runs at http://127.0.0.1:\(server.port) (pid \(server.pid), since ") ?? false, status.standardOutput)
        XCTAssertTrue(lines.first?.hasSuffix("), region ap-northeast-1.") ?? false, status.standardOutput)
        XCTAssertEqual(lines.last, "No course resources.")

        XCTAssertEqual(
            try run(["sandbox", "env"], state: state, extra: ["AWS_REGION": "ap-northeast-1"]).standardOutput,
            """
            export AWS_ENDPOINT_URL=http://127.0.0.1:\(server.port)
            export AWS_ACCESS_KEY_ID=ecslab-sandbox
            export AWS_SECRET_ACCESS_KEY=ecslab-sandbox-secret
            export AWS_REGION=ap-northeast-1
            export AWS_DEFAULT_REGION=ap-northeast-1
            unset AWS_PROFILE AWS_SESSION_TOKEN

            """)

        XCTAssertEqual(
            try run(["sandbox", "stop"], state: state),
            .init(status: 0, standardOutput: "Stopped the sandbox at http://127.0.0.1:\(server.port) (pid \(server.pid)).\n", standardError: ""))
        XCTAssertFalse(answers(server.port))
        XCTAssertFalse(ChildProcess(pid: server.pid).isAlive)
        XCTAssertEqual(try run(["sandbox", "stop"], state: state).standardOutput, "No sandbox was running.\n")
        let env = try run(["sandbox", "env"], state: state)
        XCTAssertEqual(env.status, 2)
        XCTAssertEqual(
            env.standardError,
            "ecslab: No sandbox is running for the state directory \(state.path)/ecslab; start one with ecslab sandbox start.\n")
    }

    func testStatusListsTheResourcesOfEachLesson() throws {
        let state = try newState()
        _ = try run(["sandbox", "start"], state: state)
        let created = try run(
            [
                "--sandbox", "call", "ecs", "CreateCluster", "--yes",
                #"{"clusterName":"shop","tags":[{"key":"ecslab:course","value":"ecslab"},{"key":"ecslab:lesson","value":"ecs-anatomy"}]}"#,
            ], state: state)
        XCTAssertEqual(created.status, 0, created.standardError)
        let lines = try run(["sandbox", "status"], state: state).standardOutput.split(separator: "\n").dropFirst()
        XCTAssertEqual(
            Array(lines),
            ["lesson ecs-anatomy: 1 tagged resources, 0 in the ledger", "  arn:aws:ecs:ap-northeast-1:123456789012:cluster/shop"])
    }

    func testTwoSandboxesSideBySide() throws {
        let first = try newState()
        let second = try newState()
        XCTAssertEqual(try run(["sandbox", "start"], state: first).status, 0)
        XCTAssertEqual(try run(["sandbox", "start"], state: second).status, 0)
        let one = try record(in: first)
        let two = try record(in: second)
        XCTAssertNotEqual(one.port, two.port)
        XCTAssertNotEqual(one.pid, two.pid)
        let created = try run(["--sandbox", "call", "ecs", "CreateCluster", #"{"clusterName":"only-in-first"}"#, "--yes"], state: first)
        XCTAssertEqual(created.status, 0, created.standardError)
        let query = ["--sandbox", "call", "ecs", "ListClusters", "--query", "clusterArns", "--output", "text"]
        XCTAssertEqual(try run(query, state: first).standardOutput, "arn:aws:ecs:ap-northeast-1:123456789012:cluster/only-in-first\n")
        XCTAssertEqual(try run(query, state: second).standardOutput, "")
        _ = try run(["sandbox", "stop"], state: first)
        XCTAssertFalse(answers(one.port))
        XCTAssertTrue(answers(two.port), "stopping one sandbox leaves the other running")
    }

    func testStaleRecordIsNoticedAndReplaced() throws {
        let state = try newState()
        // A pid that existed and is gone, and a port nothing listens on.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let folder = state.appendingPathComponent("ecslab/sandbox")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stale = SandboxRecord(url: "http://127.0.0.1:9", port: 9, pid: finished.processIdentifier, startedAt: Date(), appFolder: nil)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(stale).write(to: folder.appendingPathComponent("server.json"))

        XCTAssertEqual(
            try run(["sandbox", "status"], state: state).standardOutput,
            "The sandbox is not running (its record is stale: the next start replaces it).\n")
        let started = try run(["sandbox", "start"], state: state)
        let server = try record(in: state)
        XCTAssertEqual(
            started.standardOutput,
            """
            Replaced a stale sandbox record (pid \(finished.processIdentifier), port 9 no longer answered).
            The sandbox runs at http://127.0.0.1:\(server.port) (pid \(server.pid)).

            """)
        XCTAssertNotEqual(server.pid, finished.processIdentifier)
        XCTAssertTrue(answers(server.port))
    }

    /// Without a running server, `--sandbox` starts one for the command and
    /// stops it when the command ends.
    func testACommandStartsAndStopsItsOwnServer() throws {
        let state = try newState()
        let outcome = try run(["--sandbox", "call", "sts", "GetCallerIdentity", "--query", "Account", "--output", "text"], state: state)
        XCTAssertEqual(outcome, .init(status: 0, standardOutput: "123456789012\n", standardError: ""))
        XCTAssertNil(try SandboxServer(state: StateDirectory(url: state.appendingPathComponent("ecslab"))).storedRecord())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("ecslab/sandbox").path)
        XCTAssertEqual(leftovers, [])
    }

    func testMissingVirtualenvSaysHowToFixIt() throws {
        let state = try newState()
        let outcome = try run(["--sandbox", "call", "sts", "GetCallerIdentity"], state: state, extra: ["ECSLAB_VENV": "/nonexistent/venv"])
        XCTAssertEqual(outcome.status, 255)
        XCTAssertEqual(
            outcome.standardError,
            "ecslab: The sandbox needs moto from the project virtualenv, and there is none (looked in ECSLAB_VENV=/nonexistent/venv); run scripts/setup in a checkout, or scripts/install, or set ECSLAB_VENV.\n")
    }

    func testAWSCLIThroughSandboxEnvReachesTheSameState() throws {
        let state = try newState()
        _ = try run(["sandbox", "start"], state: state)
        let aws = try TestEnvironment.venvProgram("aws")
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        for line in try run(["sandbox", "env"], state: state).standardOutput.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            environment[pair[0]] = pair[1]
        }
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        func awsRun(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = aws
            process.arguments = arguments
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, arguments.joined(separator: " "))
            return String(decoding: data, as: UTF8.self)
        }
        _ = try awsRun(["ecs", "create-cluster", "--cluster-name", "from-the-cli"])
        XCTAssertEqual(
            try run(["--sandbox", "call", "ecs", "ListClusters", "--query", "clusterArns", "--output", "text"], state: state).standardOutput,
            "arn:aws:ecs:ap-northeast-1:123456789012:cluster/from-the-cli\n")
        XCTAssertEqual(try run(["--sandbox", "call", "ecs", "CreateCluster", #"{"clusterName":"from-ecslab"}"#, "--yes"], state: state).status, 0)
        XCTAssertEqual(
            try awsRun(["ecs", "list-clusters", "--query", "sort(clusterArns)", "--output", "text"]),
            "arn:aws:ecs:ap-northeast-1:123456789012:cluster/from-ecslab\tarn:aws:ecs:ap-northeast-1:123456789012:cluster/from-the-cli\n")
    }
}

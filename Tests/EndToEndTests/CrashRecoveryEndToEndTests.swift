import Foundation
import TestSupport
import XCTest

/// A create call whose answer never comes: `ecslab do` is killed after the
/// ledger holds the intent and AWS holds the resource. The next run finds the
/// resource by its tag, takes it back instead of making a second one, and
/// cleanup removes it.
final class CrashRecoveryEndToEndTests: XCTestCase {
    func testKilledBetweenIntentAndResultIsReconciledByTag() throws {
        let moto = try TestEnvironment.motoURL()
        let python = try TestEnvironment.venvProgram("python")
        let ecslab = try BuiltExecutable("ecslab")
        let course = TestEnvironment.projectRoot.appendingPathComponent("Tests/CourseTests/Fixtures/feature").path
        let proxyScript = TestEnvironment.projectRoot.appendingPathComponent("Tests/CourseTests/Fixtures/crash/hanging_proxy.py").path
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "ap-northeast-1",
            "XDG_STATE_HOME": state.path, "ECSLAB_LANG": "en", "NO_COLOR": "1",
            "AWS_CONFIG_FILE": state.appendingPathComponent("none").path,
            "AWS_SHARED_CREDENTIALS_FILE": state.appendingPathComponent("none").path,
        ]
        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }

        // A proxy that creates the VPC in moto but never answers CreateVpc.
        let proxy = Process()
        proxy.executableURL = python
        proxy.arguments = [proxyScript, moto, "CreateVpc"]
        let proxyOutput = Pipe()
        proxy.standardOutput = proxyOutput
        try proxy.run()
        // Python children inherit a blocked SIGTERM from the test runner.
        defer { kill(proxy.processIdentifier, SIGKILL) }
        let portLine = String(decoding: proxyOutput.fileHandleForReading.availableData, as: UTF8.self)
        let port = try XCTUnwrap(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), portLine)

        let doing = Process()
        doing.executableURL = ecslab.url
        doing.arguments = ["do", "feature/vpc", "--yes", "--endpoint-url", "http://127.0.0.1:\(port)", "--course", course]
        doing.environment = merged
        doing.standardOutput = FileHandle.nullDevice
        doing.standardError = FileHandle.nullDevice
        try doing.run()
        defer { if doing.isRunning { kill(doing.processIdentifier, SIGKILL) } }

        // Wait until the proxy has passed CreateVpc on and is holding the answer back.
        let hanging = String(decoding: proxyOutput.fileHandleForReading.availableData, as: UTF8.self)
        XCTAssertEqual(hanging, "hanging\n")
        kill(doing.processIdentifier, SIGKILL)
        doing.waitUntilExit()

        let ledger = state.appendingPathComponent("ecslab/ledger/123456789012-ap-northeast-1.jsonl")
        let lines = try String(contentsOf: ledger, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains(#""event":"intent""#) }.count, 1)
        XCTAssertEqual(lines.filter { $0.contains(#""event":"created""#) }.count, 0, "the result was never written")

        let resumed = try ecslab.run(["do", "feature/vpc", "--yes", "--endpoint-url", moto, "--course", course], environment: environment)
        XCTAssertEqual(resumed.status, 0, resumed.standardOutput + resumed.standardError)
        XCTAssertTrue(resumed.standardOutput.contains("ec2:CreateVpc was done before; reusing its result."), resumed.standardOutput)
        XCTAssertFalse(resumed.standardOutput.contains("$ aws ec2 create-vpc"), "no second VPC is made")

        let vpcs = try ecslab.run(
            ["call", "ec2", "DescribeVpcs", #"{"Filters":[{"Name":"tag:ecslab:lesson","Values":["feature"]}]}"#,
             "--endpoint-url", moto, "--query", "length(Vpcs)"],
            environment: environment)
        XCTAssertEqual(vpcs.standardOutput, "1\n")

        let cleanup = try ecslab.run(["cleanup", "feature", "--yes", "--endpoint-url", moto, "--course", course], environment: environment)
        XCTAssertEqual(cleanup.status, 0, cleanup.standardOutput + cleanup.standardError)
        XCTAssertTrue(cleanup.standardOutput.contains("Left: nothing."), cleanup.standardOutput)
    }
}

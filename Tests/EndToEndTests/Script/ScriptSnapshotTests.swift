import Foundation
import TestSupport
import XCTest

/// `ecslab script` exactly as a learner gets it, kept in
/// Tests/EndToEndTests/Snapshots/script: the network lesson in bash and in
/// PowerShell, its teardown, and the clusters lesson in Chinese. It needs
/// no account; bad input gets one sentence and exit 2.
final class ScriptSnapshotTests: XCTestCase {
    private var environment: [String: String] {
        ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "ECSLAB_COURSE": TestEnvironment.projectRoot.path]
    }

    func testTheScriptsAsPrinted() throws {
        let ecslab = try BuiltExecutable("ecslab")
        for (words, name) in [
            (["script", "network"], "network.sh"), (["script", "network", "--undo"], "network-undo.sh"),
            (["script", "network", "--shell", "powershell"], "network.ps1"), (["script", "clusters", "--lang", "zh"], "clusters-zh.sh"),
            (["script", "network", "--set", "vpc_cidr=10.8.0.0/16"], "network-set.sh"),
        ] {
            let outcome = try ecslab.run(words, environment: environment)
            XCTAssertEqual(outcome.status, 0, "ecslab \(words.joined(separator: " ")): \(outcome.standardError)")
            XCTAssertEqual(outcome.standardError, "")
            try Snapshot.assert(outcome.standardOutput, named: name, in: "Tests/EndToEndTests/Snapshots/script")
        }
    }

    func testAnUnknownLessonIsOneSentence() throws {
        let ecslab = try BuiltExecutable("ecslab")
        let outcome = try ecslab.run(["script", "netwrok"], environment: environment)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.standardOutput, "")
        XCTAssertEqual(
            outcome.standardError,
            "ecslab: There is no lesson netwrok. The lessons are: shipping, ecs-anatomy, iam-roles, network, clusters, web-app, fargate-task.\n")
    }
}

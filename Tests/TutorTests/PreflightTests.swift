import Course
import Foundation
import JSON
import TestSupport
import Tutor
import XCTest

/// What the tutor checks before its first prompt, one line each with its fix.
final class PreflightTests: XCTestCase {
    private func problems(_ options: WorkspaceOptions, _ language: Language = .en) async throws -> [String] {
        let harness = try TutorHarness(region: "us-west-1")
        switch await Preflight.open(options, target: .endpoint(options.endpointURL ?? ""), state: harness.stateDirectory, console: Transcript().console) {
        case .success: return []
        case .failure(let list): return list.problems.map { $0.line(language) }
        }
    }

    func testNoRegionStopsTheTutorWithItsFix() async throws {
        let harness = try TutorHarness(region: "us-west-1")
        var options = harness.options(.en)
        options.environment["AWS_REGION"] = nil
        let lines = try await problems(options)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("✗ No AWS region found: looked in AWS_REGION, AWS_DEFAULT_REGION and the profile \"default\""), lines[0])
        XCTAssertTrue(lines[0].hasSuffix(" → set AWS_REGION=ap-northeast-1, run aws configure set region ap-northeast-1, or pass --region"), lines[0])
    }

    func testAnEndpointThatDoesNotAnswerStopsTheTutorWithItsFix() async throws {
        let harness = try TutorHarness(region: "us-west-1")
        var options = harness.options(.zh)
        options.endpointURL = "http://127.0.0.1:9"
        let lines = try await problems(options, .zh)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("✗ "), lines[0])
        XCTAssertTrue(lines[0].hasSuffix(" → 确认服务器正在运行、网络可用，然后重新打开 ecslab"), lines[0])
    }

    /// On a real account: the service-linked role, Docker and Node, each
    /// gone from the list once the learner has fixed it.
    func testARealAccountIsCheckedForTheServiceLinkedRoleDockerAndNode() async throws {
        var harness = try TutorHarness(region: "ap-southeast-3")
        let bin = try TestEnvironment.temporaryFolder("ecslab-bin")
        harness.path = bin.path
        let workspace = try await Workspace.open(harness.options(.en), state: harness.stateDirectory, console: Transcript().console)
        func lines(_ tools: Set<String>, _ language: Language = .en) async -> [String] {
            await Preflight.realAccountProblems(workspace, tools: FixedTools(tools)).map { $0.line(language) }
        }
        let none = await lines([])
        XCTAssertEqual(none, [
            "✗ ECS's service-linked role does not exist in this account yet → run aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com",
            "✗ docker is not installed → install Docker (lesson 6 builds an image with it)",
            "✗ node is not installed → install Node.js (lesson 6 runs the web app on this machine with it)",
        ])
        // The learner follows the fixes: the role, Node, and a Docker whose engine is not running yet.
        let iam = { (operation: String, input: JSON) in try await workspace.account.call(OperationName(service: "iam", operation: operation), input: input) }
        let created = try await iam("CreateServiceLinkedRole", ["AWSServiceName": "ecs.amazonaws.com"])
        let role = try XCTUnwrap(created["Role"]?["RoleName"]?.stringValue)
        try "#!/bin/sh\nexit 1\n".write(to: bin.appendingPathComponent("docker"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("docker").path)
        let halfway = await lines(["node"], .zh)
        XCTAssertEqual(halfway, ["✗ Docker 已安装，但它的引擎没有回应（docker info 失败） → 启动 Docker Desktop，或运行 sudo systemctl start docker（第 6 课构建镜像时要用）"])
        let ready = await lines(["node", "docker"])
        XCTAssertEqual(ready, [])
        _ = try await iam("DeleteServiceLinkedRole", ["RoleName": .string(role)])
    }
}

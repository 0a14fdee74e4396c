import Foundation
import TestSupport
import XCTest

/// On a real account (credentials in ~/.aws, no endpoint given on the command
/// line), the tutor also checks ECS's service-linked role and the tools the
/// later lessons use: one line each, with its fix. moto stands in for AWS
/// through the profile's own `endpoint_url`, as a company proxy would.
final class TutorPreflightTests: XCTestCase {
    private let region = "il-central-1"

    private func home(_ fixture: TutorFixture, tools: [String: String]) throws -> [String: String] {
        let aws = fixture.state.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try "[default]\nregion = \(region)\nendpoint_url = \(fixture.moto)\n".write(to: aws.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        try "[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n"
            .write(to: aws.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        // Only the tools this test hands the tutor are on its PATH.
        let bin = fixture.state.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for (tool, script) in tools {
            let file = bin.appendingPathComponent(tool)
            try "#!/bin/sh\n\(script)\n".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return ["HOME": fixture.state.path, "XDG_STATE_HOME": fixture.state.path, "PATH": bin.path]
    }

    private func greeting(_ fixture: TutorFixture, tools: [String: String]) throws -> String {
        let outcome = try fixture.ecslab.run(
            ["--course", TutorFixture.course, "--lang", "en"], standardInput: "quit\n", environment: try home(fixture, tools: tools))
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        return outcome.standardOutput
    }

    func testARealAccountIsCheckedForTheServiceLinkedRoleDockerAndNode() throws {
        let fixture = try TutorFixture(region: region)
        let welcome = """
            Welcome to ecslab, the tutor for the AWS ECS course. Type help for the commands, lessons for the course.
            Using your AWS account 123456789012 in \(region). Anything that costs money is asked about first.
            Preflight passed: credentials, region and endpoint are fine.

            """
        XCTAssertEqual(try greeting(fixture, tools: [:]), welcome + """
            ✗ ECS's service-linked role does not exist in this account yet → run aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com
            ✗ docker is not installed → install Docker (lesson 6 builds an image with it)
            ✗ node is not installed → install Node.js (lesson 6 runs the web app on this machine with it)
            Goodbye! Your progress is saved.

            """)

        // The learner follows the fixes: the role, Node, and a Docker whose engine is not running yet.
        try fixture.aws(["iam", "create-service-linked-role", "--aws-service-name", "ecs.amazonaws.com"])
        // moto names the role differently from AWS; its path is the same.
        let role = try fixture.aws(["iam", "list-roles", "--path-prefix", "/aws-service-role/ecs.amazonaws.com/", "--query", "Roles[0].RoleName"])
        defer { _ = try? fixture.aws(["iam", "delete-service-linked-role", "--role-name", role]) }
        let halfway = ["node": "echo v20.19.2", "docker": "echo 'Cannot connect to the Docker daemon' >&2; exit 1"]
        XCTAssertEqual(try greeting(fixture, tools: halfway), welcome + """
            ✗ Docker is installed, but its engine does not answer (docker info failed) → start Docker Desktop, or run sudo systemctl start docker (lesson 6 builds an image with it)
            Goodbye! Your progress is saved.

            """)

        let ready = ["node": "echo v20.19.2", "docker": "echo 27.3.1"]
        XCTAssertEqual(try greeting(fixture, tools: ready), welcome + "Goodbye! Your progress is saved.\n")
    }
}

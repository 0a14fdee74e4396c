import Foundation
import TestSupport
import XCTest

/// What needs no AWS account works without one: listing the course,
/// linting it, querying JSON, and every command's help.
final class NoAccountTests: XCTestCase {
    /// No credentials, no region, no config files: an empty home.
    private func environment() throws -> [String: String] {
        let home = try TestEnvironment.temporaryFolder("ecslab-no-account")
        return [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_PROFILE": "",
            "AWS_ENDPOINT_URL": "",
        ]
    }

    func testLessonsListsTheCourseWithoutAnAccount() throws {
        let outcome = try BuiltExecutable("ecslab").run(["lessons"], environment: try environment())
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertEqual(outcome.standardError, "")
        XCTAssertTrue(outcome.standardOutput.hasPrefix("1. shipping  From code to service\n2. ecs-anatomy  How ECS is put together\n"), outcome.standardOutput)
        XCTAssertFalse(outcome.standardOutput.contains("/"), "no progress is shown without an account: \(outcome.standardOutput)")
    }

    func testLessonsInChineseWithoutAnAccount() throws {
        let outcome = try BuiltExecutable("ecslab").run(["lessons", "--lang", "zh"], environment: try environment())
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertTrue(outcome.standardOutput.hasPrefix("1. shipping  "), outcome.standardOutput)
    }

    func testLintAndQueryNeedNoAccount() throws {
        let ecslab = try BuiltExecutable("ecslab")
        let lint = try ecslab.run(["lint"], environment: try environment())
        XCTAssertEqual(lint.status, 0, lint.standardOutput + lint.standardError)
        XCTAssertTrue(lint.standardOutput.hasSuffix("no problems\n"), lint.standardOutput)
        let query = try ecslab.run(["query", "a.b"], standardInput: #"{"a": {"b": 1}}"#, environment: try environment())
        XCTAssertEqual(query, .init(status: 0, standardOutput: "1\n", standardError: ""))
    }
}

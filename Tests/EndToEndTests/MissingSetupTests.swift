import Foundation
import TestSupport
import XCTest

/// With no credentials or no region, every command says what it tried and
/// how to fix it in one sentence, exits 2, and shows no stack trace.
final class MissingSetupTests: XCTestCase {
    func run(_ arguments: [String], _ environment: [String: String]) throws -> BuiltExecutable.Outcome {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        var clean = ["HOME": home.path, "XDG_STATE_HOME": home.path]
        for name in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"] {
            clean[name] = ""
        }
        return try BuiltExecutable("ecslab").run(arguments, environment: clean.merging(environment) { _, new in new })
    }

    func testNoRegion() throws {
        for arguments in [["call", "sts", "GetCallerIdentity"], ["check", "shipping"]] {
            let outcome = try run(arguments, [:])
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertEqual(outcome.standardOutput, "")
            XCTAssertEqual(
                outcome.standardError,
                "ecslab: No AWS region found: looked in AWS_REGION, AWS_DEFAULT_REGION and the profile \"default\" in ~/.aws/config. "
                    + "Set one with `aws configure set region ap-northeast-1`, or run `ecslab --sandbox`.\n")
        }
    }

    func testNoCredentials() throws {
        for arguments in [["call", "sts", "GetCallerIdentity"], ["do", "shipping", "--yes"]] {
            let outcome = try run(arguments, ["AWS_REGION": "ap-northeast-1"])
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertEqual(
                outcome.standardError,
                "ecslab: No AWS credentials found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the profile \"default\" in "
                    + "~/.aws/credentials and ~/.aws/config. Set them with `aws configure`, or run `ecslab --sandbox`.\n")
        }
    }

    func testAnEndpointThatDoesNotAnswerIsOneLineNotATrace() throws {
        let outcome = try run(
            ["call", "sts", "GetCallerIdentity", "--endpoint-url", "http://127.0.0.1:9"],
            ["AWS_REGION": "ap-northeast-1", "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE000000000", "AWS_SECRET_ACCESS_KEY": "not-shown-anywhere"])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
        XCTAssertTrue(outcome.standardError.hasPrefix("ecslab: "), outcome.standardError)
        XCTAssertFalse(outcome.standardError.contains("not-shown-anywhere"), "the secret must never be shown")
    }
}

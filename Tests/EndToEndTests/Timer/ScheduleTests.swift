import Foundation
import JSON
import TestSupport
import XCTest

/// The timer in the learner's account, against moto: the NAT gateway's
/// schedules carry the right target, input, role and time; `--no-timer`
/// sets none; cleanup removes them with what they guard, and the role and
/// group with the last of them.
final class ScheduleTests: XCTestCase {
    private func environment(_ state: URL, region: String) -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": region,
            "XDG_STATE_HOME": state.path, "ECSLAB_LANG": "en", "NO_COLOR": "1",
            "AWS_CONFIG_FILE": state.appendingPathComponent("none").path, "AWS_SHARED_CREDENTIALS_FILE": state.appendingPathComponent("none").path,
        ]
    }

    private func call(_ ecslab: BuiltExecutable, _ moto: String, _ environment: [String: String], _ words: [String]) throws -> JSON {
        let outcome = try ecslab.run(["call"] + words + ["--endpoint-url", moto], environment: environment)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        return try JSON(parsing: outcome.standardOutput)
    }

    func testTheNATGatewaysSchedulesAreRightAndCleanupRemovesThem() throws {
        let moto = try TestEnvironment.motoURL()
        let ecslab = try BuiltExecutable("ecslab")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-timer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = environment(state, region: "ca-central-1")

        let done = try ecslab.run(["do", "network", "--yes", "--endpoint-url", moto], environment: environment)
        XCTAssertEqual(done.status, 0, done.standardOutput + done.standardError)
        XCTAssertTrue(done.standardOutput.contains("A timer in your account will delete the NAT gateway ecslab-nat (nat-"), done.standardOutput)

        let gateways = try call(ecslab, moto, environment, ["ec2", "DescribeNatGateways", #"{"Filter":[{"Name":"tag:Name","Values":["ecslab-nat"]}]}"#])
        let gateway = try XCTUnwrap(gateways["NatGateways"]?[0])
        let natID = try XCTUnwrap(gateway["NatGatewayId"]?.stringValue)
        let allocation = try XCTUnwrap(gateway["NatGatewayAddresses"]?[0]?["AllocationId"]?.stringValue)
        let expires = try XCTUnwrap(gateway["Tags"]?.arrayValue?.first { $0["Key"]?.stringValue == "ecslab:expires-at" }?["Value"]?.stringValue)

        let listed = try call(ecslab, moto, environment, ["scheduler", "ListSchedules", #"{"GroupName":"ecslab"}"#])
        let names = (listed["Schedules"]?.arrayValue ?? []).compactMap { $0["Name"]?.stringValue }
        XCTAssertEqual(names.count, 2, "\(listed)")
        var byTarget: [String: JSON] = [:]
        for name in names {
            let schedule = try call(ecslab, moto, environment, ["scheduler", "GetSchedule", #"{"Name":"\#(name)","GroupName":"ecslab"}"#])
            byTarget[schedule["Target"]?["Arn"]?.stringValue ?? "?"] = schedule
        }
        let delete = try XCTUnwrap(byTarget["arn:aws:scheduler:::aws-sdk:ec2:deleteNatGateway"], "\(byTarget.keys)")
        XCTAssertEqual(try JSON(parsing: delete["Target"]?["Input"]?.stringValue ?? ""), ["NatGatewayId": .string(natID)])
        XCTAssertEqual(delete["Target"]?["RoleArn"]?.stringValue, "arn:aws:iam::123456789012:role/ecslab-timer")
        // The schedule runs when the gateway's own tag says it expires.
        XCTAssertEqual(delete["ScheduleExpression"]?.stringValue, "at(\(expires.replacingOccurrences(of: "Z", with: "")))")
        XCTAssertEqual(delete["ScheduleExpressionTimezone"]?.stringValue, "UTC")
        XCTAssertEqual(delete["ActionAfterCompletion"]?.stringValue, "DELETE")
        let release = try XCTUnwrap(byTarget["arn:aws:scheduler:::aws-sdk:ec2:releaseAddress"])
        XCTAssertEqual(try JSON(parsing: release["Target"]?["Input"]?.stringValue ?? ""), ["AllocationId": .string(allocation)])
        XCTAssertNotEqual(release["ScheduleExpression"], delete["ScheduleExpression"], "the address goes after its gateway")

        let role = try call(ecslab, moto, environment, ["iam", "GetRole", #"{"RoleName":"ecslab-timer"}"#])
        let trust = role["Role"]?["AssumeRolePolicyDocument"]
        let trustText = trust?.stringValue.flatMap { $0.removingPercentEncoding } ?? trust?.text ?? ""
        XCTAssertTrue(trustText.contains("scheduler.amazonaws.com"), trustText)
        XCTAssertTrue(trustText.contains("aws:SourceAccount"), trustText)
        let policy = try call(ecslab, moto, environment, ["iam", "GetRolePolicy", #"{"RoleName":"ecslab-timer","PolicyName":"ecslab-timer-stops"}"#])
        let document = policy["PolicyDocument"]?.stringValue.flatMap { $0.removingPercentEncoding } ?? policy["PolicyDocument"]?.text ?? ""
        for action in ["autoscaling:DeleteAutoScalingGroup", "ec2:DeleteNatGateway", "ec2:ReleaseAddress", "ecs:StopTask"] {
            XCTAssertTrue(document.contains(action), document)
        }
        XCTAssertFalse(document.contains("\"*\""), "no action or resource is a bare wildcard: \(document)")

        // Cleaning up the lesson takes its schedules and, with no timer
        // left that needs them, the shared role and group.
        let lesson = try ecslab.run(["cleanup", "network", "--yes", "--endpoint-url", moto], environment: environment)
        XCTAssertEqual(lesson.status, 0, lesson.standardOutput + lesson.standardError)
        XCTAssertTrue(lesson.standardOutput.contains("Deleted the timer schedule ecslab-network-"), lesson.standardOutput)
        XCTAssertTrue(lesson.standardOutput.contains("Deleted the IAM role ecslab-timer."), lesson.standardOutput)
        XCTAssertTrue(lesson.standardOutput.contains("Deleted the schedule group ecslab."), lesson.standardOutput)
        let gone = try ecslab.run(["call", "iam", "GetRole", #"{"RoleName":"ecslab-timer"}"#, "--endpoint-url", moto], environment: environment)
        XCTAssertNotEqual(gone.status, 0, "the timer role is gone: \(gone.standardOutput)")

        let all = try ecslab.run(["cleanup", "all", "--yes", "--endpoint-url", moto], environment: environment)
        XCTAssertEqual(all.status, 0, all.standardOutput + all.standardError)
    }

    func testNoTimerSetsNone() throws {
        let moto = try TestEnvironment.motoURL()
        let ecslab = try BuiltExecutable("ecslab")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-timer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = environment(state, region: "sa-east-1")
        let done = try ecslab.run(["do", "network", "--yes", "--no-timer", "--endpoint-url", moto], environment: environment)
        XCTAssertEqual(done.status, 0, done.standardOutput + done.standardError)
        XCTAssertFalse(done.standardOutput.contains("A timer in your account"), done.standardOutput)
        let groups = try call(ecslab, moto, environment, ["scheduler", "ListScheduleGroups", "{}"])
        XCTAssertFalse((groups["ScheduleGroups"]?.arrayValue ?? []).contains { $0["Name"]?.stringValue == "ecslab" }, "\(groups)")
        let cleanup = try ecslab.run(["cleanup", "all", "--yes", "--endpoint-url", moto], environment: environment)
        XCTAssertEqual(cleanup.status, 0, cleanup.standardOutput + cleanup.standardError)
    }
}

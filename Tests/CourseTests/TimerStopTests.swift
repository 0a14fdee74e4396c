import Course
import JSON
import XCTest

final class TimerStopTests: XCTestCase {
    func testEachCostlyCreateGetsTheCallThatRemovesIt() throws {
        let group = TimerStop.stops(
            for: try XCTUnwrap(OperationName(parsing: "autoscaling:CreateAutoScalingGroup")), input: ["AutoScalingGroupName": "ecslab-ec2-asg"],
            response: [:], name: "ecslab-ec2-asg")
        XCTAssertEqual(group.map(\.target), ["arn:aws:scheduler:::aws-sdk:autoscaling:deleteAutoScalingGroup"])
        XCTAssertEqual(group.first?.input, ["AutoScalingGroupName": "ecslab-ec2-asg", "ForceDelete": true])

        let nat = TimerStop.stops(
            for: try XCTUnwrap(OperationName(parsing: "ec2:CreateNatGateway")), input: ["AllocationId": "eipalloc-1", "SubnetId": "subnet-1"],
            response: ["NatGateway": ["NatGatewayId": "nat-1"]], name: "ecslab-nat")
        XCTAssertEqual(nat.map(\.target), ["arn:aws:scheduler:::aws-sdk:ec2:deleteNatGateway", "arn:aws:scheduler:::aws-sdk:ec2:releaseAddress"])
        XCTAssertEqual(nat.map(\.input), [["NatGatewayId": "nat-1"], ["AllocationId": "eipalloc-1"]])
        XCTAssertGreaterThan(nat[1].afterExpirySeconds, nat[0].afterExpirySeconds, "the address is released after its gateway is deleted")

        let arn = "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/abc"
        let task = TimerStop.stops(
            for: try XCTUnwrap(OperationName(parsing: "ecs:RunTask")), input: ["cluster": "ecslab-fargate"], response: ["tasks": [["taskArn": .string(arn)]]],
            name: "ecslab-web")
        XCTAssertEqual(task.map(\.target), ["arn:aws:scheduler:::aws-sdk:ecs:stopTask"])
        XCTAssertEqual(task.first?.input["Task"], .string(arn))
        XCTAssertEqual(task.first?.input["Cluster"], "ecslab-fargate")

        XCTAssertEqual(
            TimerStop.stops(for: try XCTUnwrap(OperationName(parsing: "ec2:AllocateAddress")), input: [:], response: [:], name: "x"), [],
            "an address alone is released with its gateway's timer, or by cleanup")
    }

    func testTheTimersRoleMayDoOnlyItsFourCallsOnWhatIsOurs() {
        let permissions = TimerRole.permissions(account: "123456789012")
        let statements = permissions["Statement"]?.arrayValue ?? []
        let actions = statements.flatMap { ($0["Action"]?.arrayValue ?? []).compactMap(\.stringValue) }
        XCTAssertEqual(Set(actions), ["autoscaling:DeleteAutoScalingGroup", "ec2:DeleteNatGateway", "ec2:ReleaseAddress", "ecs:StopTask"])
        for statement in statements {
            XCTAssertEqual(statement["Condition"]?["StringEquals"]?["aws:ResourceTag/ecslab:course"], "ecslab")
            for resource in statement["Resource"]?.arrayValue ?? [] {
                XCTAssertTrue(resource.stringValue?.contains(":123456789012:") ?? false, "\(resource)")
            }
        }
        let trust = TimerRole.trustPolicy(account: "123456789012")
        XCTAssertEqual(trust["Statement"]?[0]?["Principal"]?["Service"], "scheduler.amazonaws.com")
        XCTAssertEqual(trust["Statement"]?[0]?["Condition"]?["StringEquals"]?["aws:SourceAccount"], "123456789012")
    }
}

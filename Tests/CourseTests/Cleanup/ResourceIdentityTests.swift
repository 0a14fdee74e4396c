import Course
import JSON
import XCTest

final class ResourceIdentityTests: XCTestCase {
    func testARNsNameTheirKindAndTheIDTheirDeleteCallsTake() {
        let cases: [(String, ResourceKind, String, [String: String])] = [
            ("arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-0a1b", .vpc, "vpc-0a1b", [:]),
            ("arn:aws:ec2:ap-northeast-1:123456789012:natgateway/nat-1", .natGateway, "nat-1", [:]),
            ("arn:aws:ec2:ap-northeast-1:123456789012:elastic-ip/eipalloc-1", .elasticIP, "eipalloc-1", [:]),
            ("arn:aws:ecs:ap-northeast-1:123456789012:cluster/ecslab-fargate", .cluster, "ecslab-fargate", [:]),
            (
                "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/abc", .task,
                "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/abc", ["cluster": "ecslab-fargate"]
            ),
            ("arn:aws:logs:ap-northeast-1:123456789012:log-group:/ecs/ecslab-users:*", .logGroup, "/ecs/ecslab-users", [:]),
            ("arn:aws:ecr:ap-northeast-1:123456789012:repository/team/users", .repository, "team/users", [:]),
            ("arn:aws:iam::123456789012:role/service/ecslab-task-role", .role, "ecslab-task-role", [:]),
            (
                "arn:aws:autoscaling:ap-northeast-1:123456789012:autoScalingGroup:1-2-3:autoScalingGroupName/ecslab-asg", .autoScalingGroup,
                "ecslab-asg", [:]
            ),
            ("arn:aws:scheduler:ap-northeast-1:123456789012:schedule/ecslab/ecslab-network-1", .schedule, "ecslab-network-1", ["group": "ecslab"]),
        ]
        for (arn, kind, id, context) in cases {
            let identity = ResourceIdentity(arn: arn)
            XCTAssertEqual(identity, ResourceIdentity(kind: kind, id: id, context: context), arn)
        }
        XCTAssertNil(ResourceIdentity(arn: "arn:aws:s3:::a-bucket"), "a kind cleanup has no recipe for is not guessed at")
        XCTAssertNil(ResourceIdentity(arn: "not an arn"))
    }

    func testUndoCallsThatTakeAPartOffNameTheWhole() throws {
        func identity(_ call: String, _ parameters: JSON) throws -> ResourceIdentity? {
            ResourceIdentity(undo: try XCTUnwrap(OperationName(parsing: call)), parameters: parameters)
        }
        XCTAssertEqual(try identity("ec2:DetachInternetGateway", ["InternetGatewayId": "igw-1", "VpcId": "vpc-1"]), ResourceIdentity(kind: .internetGateway, id: "igw-1"))
        XCTAssertEqual(try identity("iam:DetachRolePolicy", ["RoleName": "r", "PolicyArn": "arn:p"]), ResourceIdentity(kind: .role, id: "r"))
        XCTAssertEqual(
            try identity("ecs:PutClusterCapacityProviders", ["cluster": "arn:aws:ecs:r:1:cluster/ecslab-ec2", "capacityProviders": []]),
            ResourceIdentity(kind: .cluster, id: "ecslab-ec2"))
        XCTAssertEqual(try identity("ec2:ReleaseAddress", ["AllocationId": "eipalloc-1"]), ResourceIdentity(kind: .elasticIP, id: "eipalloc-1"))
        XCTAssertEqual(
            try identity("scheduler:DeleteSchedule", ["Name": "s", "GroupName": "ecslab"]), ResourceIdentity(kind: .schedule, id: "s", context: ["group": "ecslab"]))
        XCTAssertNil(try identity("ec2:DeleteVpc", [:]), "an undo call without its id names nothing")
        XCTAssertNil(try identity("sqs:DeleteQueue", ["QueueUrl": "q"]))
    }

    /// The order, which must hold from the tags alone.
    func testTheDeletionOrderIsTheOneAWSNeeds() {
        let order: [ResourceKind] = [
            .service, .task, .capacityProvider, .autoScalingGroup, .launchTemplate, .cluster, .natGateway, .elasticIP, .networkInterfaces,
            .routeTableAssociation, .routeTable, .securityGroup, .subnet, .internetGateway, .vpc, .role, .instanceProfile, .repository, .logGroup,
            .schedule, .scheduleGroup,
        ]
        XCTAssertEqual(order.sorted(), order)
        let shuffled = order.reversed().map { OwnedResource(kind: $0, id: $0.rawValue, ownership: .tags) }
        let plan = CleanupPlan(account: "1", region: "r", owned: Array(shuffled), handBuilt: [])
        XCTAssertEqual(plan.owned.map(\.kind), order)
    }
}

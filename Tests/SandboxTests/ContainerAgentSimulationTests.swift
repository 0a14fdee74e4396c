import JSON
import Sandbox
import XCTest

/// An Auto Scaling group of a cluster's capacity provider: its instances
/// register as container instances, as the ECS agent would make them.
final class ContainerAgentSimulationTests: XCTestCase {
    func testGroupOfTwoRegistersTwoAndScalingToZeroDeregistersThem() async throws {
        let sandbox = try await SandboxFixture()
        defer { sandbox.close() }
        let subnet = try await sandbox.call("ec2:DescribeSubnets")["Subnets"]?[0]?["SubnetId"] ?? nil
        let image = try await sandbox.call("ec2:DescribeImages", ["Owners": ["amazon"]])["Images"]?[0]?["ImageId"] ?? nil
        _ = try await sandbox.call(
            "ec2:CreateLaunchTemplate",
            ["LaunchTemplateName": "agent-test", "LaunchTemplateData": ["ImageId": image, "InstanceType": "t3.micro"]])
        _ = try await sandbox.call(
            "autoscaling:CreateAutoScalingGroup",
            [
                "AutoScalingGroupName": "agent-test", "LaunchTemplate": ["LaunchTemplateName": "agent-test"], "MinSize": 0,
                "MaxSize": 2, "DesiredCapacity": 2, "VPCZoneIdentifier": subnet,
            ])
        let group = try await sandbox.call("autoscaling:DescribeAutoScalingGroups", ["AutoScalingGroupNames": ["agent-test"]])
        let groupArn = group["AutoScalingGroups"]?[0]?["AutoScalingGroupARN"] ?? nil
        _ = try await sandbox.call("ecs:CreateCluster", ["clusterName": "agent-test"])
        _ = try await sandbox.call(
            "ecs:CreateCapacityProvider", ["name": "agent-test-cp", "autoScalingGroupProvider": ["autoScalingGroupArn": groupArn]])
        _ = try await sandbox.call(
            "ecs:PutClusterCapacityProviders",
            ["cluster": "agent-test", "capacityProviders": ["agent-test-cp"], "defaultCapacityProviderStrategy": []])

        let listed = try await sandbox.call("ecs:ListContainerInstances", ["cluster": "agent-test"])
        XCTAssertEqual(listed["containerInstanceArns"]?.arrayValue?.count, 2)
        let described = try await sandbox.call(
            "ecs:DescribeContainerInstances", ["cluster": "agent-test", "containerInstances": listed["containerInstanceArns"] ?? []])
        let instances = Set((described["containerInstances"]?.arrayValue ?? []).compactMap { $0["ec2InstanceId"]?.stringValue })
        let inGroup = Set((group["AutoScalingGroups"]?[0]?["Instances"]?.arrayValue ?? []).compactMap { $0["InstanceId"]?.stringValue })
        XCTAssertEqual(instances, inGroup)
        let cluster = try await sandbox.call("ecs:DescribeClusters", ["clusters": ["agent-test"]])
        XCTAssertEqual(cluster["clusters"]?[0]?["registeredContainerInstancesCount"], 2)
        let registrations = sandbox.printed.filter { $0.hasPrefix("sandbox (simulated): the ECS agent of i-") && $0.hasSuffix("registered it in cluster agent-test") }
        XCTAssertEqual(registrations.count, 2, "\(sandbox.printed)")

        _ = try await sandbox.call(
            "autoscaling:UpdateAutoScalingGroup", ["AutoScalingGroupName": "agent-test", "MinSize": 0, "DesiredCapacity": 0])
        let after = try await sandbox.call("ecs:ListContainerInstances", ["cluster": "agent-test"])
        XCTAssertEqual(after["containerInstanceArns"], [])
        XCTAssertEqual(sandbox.printed.filter { $0.hasSuffix("deregistered it from agent-test (instance gone)") }.count, 2)
    }
}

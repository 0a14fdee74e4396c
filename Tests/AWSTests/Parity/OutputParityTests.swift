import AWS
import Foundation
import JSON
import TestSupport
import XCTest

/// Our parsed JSON against what `aws ... --output json` prints for the same
/// call on the same moto server, byte for byte after key sorting.
final class OutputParityTests: XCTestCase {
    struct Read {
        var service: String
        var operation: String
        var input: JSON
    }

    func testReadsPrintWhatTheCLIPrints() async throws {
        let url = try TestEnvironment.motoURL()
        _ = try TestEnvironment.venvProgram("aws")
        let client = try MotoClient.client(url)
        let lab = "op" + String(UUID().uuidString.prefix(8)).lowercased()
        let reads = try await createCourseResources(client, lab: lab)
        XCTAssertGreaterThanOrEqual(Set(reads.map { "\($0.service):\($0.operation)" }).count, 25)

        var ours: [String] = []
        for read in reads {
            do {
                ours.append(MotoClient.sorted(try await client.paginate(service: read.service, operation: read.operation, input: read.input)))
            } catch {
                ours.append("error: \(error)")
            }
        }
        let theirs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, read) in reads.enumerated() {
                group.addTask {
                    let output = try await MotoClient.cliOutput(url, service: read.service, operation: read.operation, input: read.input)
                    return (index, output.status == 0 ? output.text : "aws failed (\(output.status)): \(output.errors)")
                }
            }
            var texts = [String](repeating: "", count: reads.count)
            for try await (index, text) in group { texts[index] = text }
            return texts
        }
        var matched: [String] = []
        for (index, read) in reads.enumerated() {
            let label = "\(read.service):\(read.operation)"
            if ours[index] == theirs[index] {
                matched.append(label)
            } else {
                XCTFail("\(label) \(read.input.text): output differs\n--- ours\n\(ours[index])--- aws\n\(theirs[index])")
            }
        }
        print("output parity: \(Set(matched).count) operations, \(matched.count) of \(reads.count) calls print what aws prints")
        XCTAssertEqual(matched.count, reads.count)
    }

    /// Builds the course's resources through our client (so every create call
    /// is exercised against moto too) and returns the reads to compare.
    func createCourseResources(_ client: AWSClient, lab: String) async throws -> [Read] {
        func call(_ service: String, _ operation: String, _ input: JSON) async throws -> JSON {
            try await client.call(service: service, operation: operation, input: input)
        }
        let tags: JSON = [["Key": "lab", "Value": .string(lab)]]
        let vpc = try await call("ec2", "CreateVpc", ["CidrBlock": "10.77.0.0/16", "TagSpecifications": [["ResourceType": "vpc", "Tags": tags]]])
        let vpcID = try XCTUnwrap(vpc["Vpc"]?["VpcId"]?.stringValue)
        _ = try await call("ec2", "ModifyVpcAttribute", ["VpcId": .string(vpcID), "EnableDnsHostnames": ["Value": true]])
        let subnet = try await call("ec2", "CreateSubnet", ["VpcId": .string(vpcID), "CidrBlock": "10.77.1.0/24", "AvailabilityZone": "us-east-1a"])
        let subnetID = try XCTUnwrap(subnet["Subnet"]?["SubnetId"]?.stringValue)
        let igw = try await call("ec2", "CreateInternetGateway", [:])
        let igwID = try XCTUnwrap(igw["InternetGateway"]?["InternetGatewayId"]?.stringValue)
        _ = try await call("ec2", "AttachInternetGateway", ["InternetGatewayId": .string(igwID), "VpcId": .string(vpcID)])
        let routeTable = try await call("ec2", "CreateRouteTable", ["VpcId": .string(vpcID)])
        let routeTableID = try XCTUnwrap(routeTable["RouteTable"]?["RouteTableId"]?.stringValue)
        _ = try await call("ec2", "CreateRoute", ["RouteTableId": .string(routeTableID), "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": .string(igwID)])
        _ = try await call("ec2", "AssociateRouteTable", ["RouteTableId": .string(routeTableID), "SubnetId": .string(subnetID)])
        let group = try await call("ec2", "CreateSecurityGroup", ["GroupName": .string("\(lab)-web"), "Description": "web", "VpcId": .string(vpcID)])
        let groupID = try XCTUnwrap(group["GroupId"]?.stringValue)
        _ = try await call("ec2", "AuthorizeSecurityGroupIngress", [
            "GroupId": .string(groupID),
            "IpPermissions": [["IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [["CidrIp": "0.0.0.0/0", "Description": "http"]]]],
        ])
        let address = try await call("ec2", "AllocateAddress", ["Domain": "vpc"])
        let allocationID = try XCTUnwrap(address["AllocationId"]?.stringValue)
        let nat = try await call("ec2", "CreateNatGateway", ["SubnetId": .string(subnetID), "AllocationId": .string(allocationID)])
        let natID = try XCTUnwrap(nat["NatGateway"]?["NatGatewayId"]?.stringValue)
        _ = try await call("ec2", "CreateLaunchTemplate", [
            "LaunchTemplateName": .string(lab),
            "LaunchTemplateData": ["ImageId": "ami-0123456789abcdef0", "InstanceType": "t3.micro", "SecurityGroupIds": [.string(groupID)]],
        ])
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        _ = try await call("iam", "CreateRole", ["RoleName": .string("\(lab)-exec"), "AssumeRolePolicyDocument": .string(trust), "Tags": tags])
        let policyARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
        _ = try await call("iam", "AttachRolePolicy", ["RoleName": .string("\(lab)-exec"), "PolicyArn": .string(policyARN)])
        _ = try await call("iam", "CreateInstanceProfile", ["InstanceProfileName": .string("\(lab)-profile")])
        _ = try await call("iam", "AddRoleToInstanceProfile", ["InstanceProfileName": .string("\(lab)-profile"), "RoleName": .string("\(lab)-exec")])
        _ = try await call("iam", "TagRole", ["RoleName": .string("\(lab)-exec"), "Tags": [["Key": "owner", "Value": "learner"]]])
        _ = try await call("ecs", "CreateCluster", ["clusterName": .string(lab), "tags": [["key": "lab", "value": .string(lab)]]])
        _ = try await call("ecs", "RegisterTaskDefinition", [
            "family": .string(lab), "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
            "containerDefinitions": [[
                "name": "web", "image": "nginx:latest", "memory": 512, "essential": true,
                "portMappings": [["containerPort": 80, "protocol": "tcp"]],
                "logConfiguration": ["logDriver": "awslogs", "options": ["awslogs-group": .string("/ecs/\(lab)"), "awslogs-region": "us-east-1"]],
            ]],
        ])
        _ = try await call("ecs", "CreateService", [
            "cluster": .string(lab), "serviceName": "web", "taskDefinition": .string(lab), "desiredCount": 1, "launchType": "FARGATE",
            "networkConfiguration": ["awsvpcConfiguration": ["subnets": [.string(subnetID)], "securityGroups": [.string(groupID)], "assignPublicIp": "ENABLED"]],
        ])
        _ = try await call("ecr", "CreateRepository", ["repositoryName": .string(lab), "tags": [["Key": "lab", "Value": .string(lab)]]])
        _ = try await call("logs", "CreateLogGroup", ["logGroupName": .string("/ecs/\(lab)"), "tags": ["lab": .string(lab)]])
        _ = try await call("autoscaling", "CreateAutoScalingGroup", [
            "AutoScalingGroupName": .string(lab), "LaunchTemplate": ["LaunchTemplateName": .string(lab), "Version": "$Latest"],
            "MinSize": 0, "MaxSize": 2, "DesiredCapacity": 0, "VPCZoneIdentifier": .string(subnetID),
            "Tags": [["Key": "lab", "Value": .string(lab), "PropagateAtLaunch": true]],
        ])
        _ = try await call("scheduler", "CreateSchedule", [
            "Name": .string(lab), "ScheduleExpression": "at(2026-11-27T18:00:00)", "FlexibleTimeWindow": ["Mode": "OFF"],
            "Target": ["Arn": "arn:aws:scheduler:::aws-sdk:ec2:deleteNatGateway", "RoleArn": "arn:aws:iam::123456789012:role/scheduler", "Input": "{}"],
        ])
        _ = try await call("ssm", "PutParameter", ["Name": .string("/\(lab)/image"), "Value": "ami-0123456789abcdef0", "Type": "String"])
        let targetGroup = try await call("elbv2", "CreateTargetGroup", [
            "Name": .string(lab), "Protocol": "HTTP", "Port": 80, "VpcId": .string(vpcID), "TargetType": "ip",
        ])
        XCTAssertNotNil(targetGroup["TargetGroups"]?[0]?["TargetGroupArn"]?.stringValue)
        let subnet2 = try await call("ec2", "CreateSubnet", ["VpcId": .string(vpcID), "CidrBlock": "10.77.2.0/24", "AvailabilityZone": "us-east-1b"])
        let subnet2ID = try XCTUnwrap(subnet2["Subnet"]?["SubnetId"]?.stringValue)
        _ = try await call("elbv2", "CreateLoadBalancer", [
            "Name": .string(lab), "Subnets": [.string(subnetID), .string(subnet2ID)], "SecurityGroups": [.string(groupID)], "Tags": tags,
        ])
        _ = try await call("application-autoscaling", "RegisterScalableTarget", [
            "ServiceNamespace": "ecs", "ResourceId": .string("service/\(lab)/web"), "ScalableDimension": "ecs:service:DesiredCount",
            "MinCapacity": 1, "MaxCapacity": 3,
        ])
        let vpcFilter: JSON = [["Name": "vpc-id", "Values": [.string(vpcID)]]]
        return [
            Read(service: "ec2", operation: "DescribeVpcs", input: ["VpcIds": [.string(vpcID)]]),
            Read(service: "ec2", operation: "DescribeVpcAttribute", input: ["VpcId": .string(vpcID), "Attribute": "enableDnsHostnames"]),
            Read(service: "ec2", operation: "DescribeSubnets", input: ["Filters": vpcFilter]),
            Read(service: "ec2", operation: "DescribeInternetGateways", input: ["InternetGatewayIds": [.string(igwID)]]),
            Read(service: "ec2", operation: "DescribeRouteTables", input: ["Filters": vpcFilter]),
            Read(service: "ec2", operation: "DescribeSecurityGroups", input: ["Filters": vpcFilter]),
            Read(service: "ec2", operation: "DescribeAddresses", input: ["AllocationIds": [.string(allocationID)]]),
            Read(service: "ec2", operation: "DescribeNatGateways", input: ["NatGatewayIds": [.string(natID)]]),
            Read(service: "ec2", operation: "DescribeLaunchTemplates", input: ["LaunchTemplateNames": [.string(lab)]]),
            Read(service: "ec2", operation: "DescribeLaunchTemplateVersions", input: ["LaunchTemplateName": .string(lab)]),
            Read(service: "ec2", operation: "DescribeAvailabilityZones", input: [:]),
            Read(service: "iam", operation: "GetRole", input: ["RoleName": .string("\(lab)-exec")]),
            Read(service: "iam", operation: "ListAttachedRolePolicies", input: ["RoleName": .string("\(lab)-exec")]),
            Read(service: "iam", operation: "GetInstanceProfile", input: ["InstanceProfileName": .string("\(lab)-profile")]),
            Read(service: "iam", operation: "ListRoleTags", input: ["RoleName": .string("\(lab)-exec")]),
            Read(service: "iam", operation: "GetPolicy", input: ["PolicyArn": .string(policyARN)]),
            Read(service: "ecs", operation: "DescribeClusters", input: ["clusters": [.string(lab)], "include": ["TAGS"]]),
            Read(service: "ecs", operation: "DescribeTaskDefinition", input: ["taskDefinition": .string(lab)]),
            Read(service: "ecs", operation: "ListTaskDefinitions", input: ["familyPrefix": .string(lab)]),
            Read(service: "ecs", operation: "DescribeServices", input: ["cluster": .string(lab), "services": ["web"]]),
            Read(service: "ecs", operation: "ListServices", input: ["cluster": .string(lab)]),
            Read(service: "ecr", operation: "DescribeRepositories", input: ["repositoryNames": [.string(lab)]]),
            Read(service: "logs", operation: "DescribeLogGroups", input: ["logGroupNamePrefix": .string("/ecs/\(lab)")]),
            Read(service: "autoscaling", operation: "DescribeAutoScalingGroups", input: ["AutoScalingGroupNames": [.string(lab)]]),
            Read(service: "scheduler", operation: "GetSchedule", input: ["Name": .string(lab)]),
            Read(service: "scheduler", operation: "ListSchedules", input: ["NamePrefix": .string(lab)]),
            Read(service: "resourcegroupstaggingapi", operation: "GetResources", input: ["TagFilters": [["Key": "lab", "Values": [.string(lab)]]]]),
            Read(service: "ssm", operation: "GetParameter", input: ["Name": .string("/\(lab)/image")]),
            Read(service: "sts", operation: "GetCallerIdentity", input: [:]),
            Read(service: "elbv2", operation: "DescribeTargetGroups", input: ["Names": [.string(lab)]]),
            Read(service: "elbv2", operation: "DescribeLoadBalancers", input: ["Names": [.string(lab)]]),
            Read(service: "application-autoscaling", operation: "DescribeScalableTargets", input: ["ServiceNamespace": "ecs", "ResourceIds": [.string("service/\(lab)/web")]]),
        ]
    }
}

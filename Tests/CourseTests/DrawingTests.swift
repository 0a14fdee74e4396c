@testable import Course
import JSON
import TestSupport
import XCTest

/// The drawings a learner sees, kept in Tests/CourseTests/Snapshots/drawings:
/// a correct network, one whose second private subnet routes to the
/// internet gateway, one built in a single zone, and the clusters, each in
/// both languages (and the network once in ASCII).
final class DrawingTests: XCTestCase {
    private let folder = "Tests/CourseTests/Snapshots/drawings"
    private let variables = [
        "public_subnet_1_name": "ecslab-public-1", "public_subnet_2_name": "ecslab-public-2",
        "private_subnet_1_name": "ecslab-private-1", "private_subnet_2_name": "ecslab-private-2",
    ]

    private func tagged(_ name: String) -> JSON { [["Key": "Name", "Value": .string(name)]] }

    private func subnet(_ id: String, _ name: String, _ cidr: String, _ zone: String) -> JSON {
        ["SubnetId": .string(id), "CidrBlock": .string(cidr), "AvailabilityZone": .string(zone), "Tags": tagged(name)]
    }

    private func table(_ id: String, main: Bool = false, subnets: [String], route: JSON?) -> JSON {
        var associations: [JSON] = subnets.map { ["SubnetId": .string($0), "RouteTableId": .string(id)] }
        if main { associations.append(["Main": true, "RouteTableId": .string(id)]) }
        var routes: [JSON] = [["DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local"]]
        if let route { routes.append(route) }
        return ["RouteTableId": .string(id), "Associations": .array(associations), "Routes": .array(routes)]
    }

    /// The network as the lesson builds it; `privateRoute2` is the second private table's default route.
    private func network(privateRoute2: JSON? = ["DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0a1"], oneZone: Bool = false) -> NetworkPicture {
        var subnets = [subnet("subnet-0p1", "ecslab-public-1", "10.0.1.0/24", "ap-northeast-1a"), subnet("subnet-0r1", "ecslab-private-1", "10.0.11.0/24", "ap-northeast-1a")]
        if !oneZone {
            subnets += [subnet("subnet-0p2", "ecslab-public-2", "10.0.2.0/24", "ap-northeast-1c"), subnet("subnet-0r2", "ecslab-private-2", "10.0.12.0/24", "ap-northeast-1c")]
        }
        let toGateway: JSON = ["DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0g1"]
        let toNAT: JSON = ["DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-0a1"]
        let tables = [
            table("rtb-main", main: true, subnets: [], route: nil), table("rtb-public", subnets: oneZone ? ["subnet-0p1"] : ["subnet-0p1", "subnet-0p2"], route: toGateway),
            table("rtb-private-1", subnets: ["subnet-0r1"], route: toNAT), table("rtb-private-2", subnets: oneZone ? [] : ["subnet-0r2"], route: privateRoute2),
        ]
        return NetworkSurvey.picture(
            vpc: ["VpcId": "vpc-0c1", "CidrBlock": "10.0.0.0/16", "Tags": tagged("ecslab-vpc")], subnets: subnets, routeTables: tables,
            internetGateways: [["InternetGatewayId": "igw-0g1"]], natGateways: [["NatGatewayId": "nat-0a1", "SubnetId": "subnet-0p1", "State": "available"]],
            variables: variables)
    }

    func testTheNetworkDrawings() throws {
        let pictures = [
            ("network-correct", network()),
            ("network-private-route-to-igw", network(privateRoute2: ["DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-0g1"])),
            ("network-one-zone", network(oneZone: true)),
        ]
        XCTAssertEqual(pictures[0].1.problems, [])
        XCTAssert(pictures[0].1.zones.allSatisfy { $0.subnets.allSatisfy(\.problems.isEmpty) })
        XCTAssertEqual(pictures[1].1.zones[1].subnets[1].problems, [.privateRouteToInternetGateway])
        XCTAssertEqual(pictures[2].1.problems, [.secondZoneMissing(role: "public"), .secondZoneMissing(role: "private")])
        for (name, picture) in pictures {
            for language in [Language.en, .zh] {
                let text = NetworkDrawing(language: language).render(picture)
                XCTAssert(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(name) fits 80 columns")
                try Snapshot.assert(text, named: "\(name)-\(language.rawValue).txt", in: folder)
            }
        }
        try Snapshot.assert(NetworkDrawing(language: .en, glyphs: .ascii).render(pictures[1].1), named: "network-private-route-to-igw-ascii.txt", in: folder)
        // Colours only mark; what is left without them is the plain drawing.
        let coloured = NetworkDrawing(language: .en, colors: true).render(pictures[1].1)
        XCTAssert(coloured.contains("\u{1B}[31m✗\u{1B}[0m"))
        XCTAssertEqual(coloured.replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: ""),
            NetworkDrawing(language: .en).render(pictures[1].1))
    }

    func testTheClusterDrawing() async throws {
        let account = FakeAccount()
        account.on("ecs:DescribeClusters") { _ in
            ["clusters": [
                ["clusterName": "ecslab-fargate", "status": "ACTIVE", "capacityProviders": ["FARGATE", "FARGATE_SPOT"]],
                ["clusterName": "ecslab-ec2", "status": "ACTIVE", "capacityProviders": ["ecslab-ec2-cp"]],
            ]]
        }
        account.on("ecs:DescribeCapacityProviders") { _ in
            ["capacityProviders": [["name": "ecslab-ec2-cp", "autoScalingGroupProvider": [
                "autoScalingGroupArn": "arn:aws:autoscaling:ap-northeast-1:123456789012:autoScalingGroup:1:autoScalingGroupName/ecslab-ec2-asg",
            ]]]]
        }
        account.on("autoscaling:DescribeAutoScalingGroups") { _ in
            ["AutoScalingGroups": [["DesiredCapacity": 2, "Instances": [
                ["InstanceId": "i-0b2", "AvailabilityZone": "ap-northeast-1c", "LifecycleState": "InService"],
                ["InstanceId": "i-0a1", "AvailabilityZone": "ap-northeast-1a", "LifecycleState": "InService"],
            ]]]]
        }
        account.on("ecs:ListContainerInstances") { input in
            input["cluster"] == "ecslab-ec2" ? ["containerInstanceArns": ["arn:ci/1"]] : ["containerInstanceArns": []]
        }
        account.on("ecs:DescribeContainerInstances") { _ in ["containerInstances": [["ec2InstanceId": "i-0a1", "agentConnected": true]]] }
        account.on("ecs:ListTasks") { input in input["cluster"] == "ecslab-fargate" ? ["taskArns": ["arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/0f1e"]] : ["taskArns": []] }
        account.on("ecs:DescribeTasks") { _ in
            ["tasks": [[
                "taskArn": "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/0f1e", "lastStatus": "RUNNING",
                "taskDefinitionArn": "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/ecslab-web:1",
                "attachments": [["details": [
                    ["name": "subnetId", "value": "subnet-0p1"], ["name": "networkInterfaceId", "value": "eni-0e1"],
                    ["name": "privateIPv4Address", "value": "10.0.1.23"],
                ]]],
            ]]]
        }
        account.on("ec2:DescribeNetworkInterfaces") { _ in ["NetworkInterfaces": [["NetworkInterfaceId": "eni-0e1", "Association": ["PublicIp": "203.0.113.5"]]]] }
        account.on("ec2:DescribeSubnets") { _ in ["Subnets": [["SubnetId": "subnet-0p1", "Tags": [["Key": "Name", "Value": "ecslab-public-1"]]]]] }
        let scope = VariableScope(
            lesson: "clusters", builtIns: [:], variables: ["fargate_cluster_name": "ecslab-fargate", "ec2_cluster_name": "ecslab-ec2"], saved: [:])
        let picture = try await ClusterSurvey(api: account).survey(scope: scope)
        XCTAssert(picture.isFlawed, "the second instance never registered")
        XCTAssertEqual(picture.clusters[0].tasks.first?.publicIP, "203.0.113.5")
        for language in [Language.en, .zh] {
            try Snapshot.assert(ClusterDrawing(language: language).render(picture), named: "cluster-\(language.rawValue).txt", in: folder)
        }
    }
}

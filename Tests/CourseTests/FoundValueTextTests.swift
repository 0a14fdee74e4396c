@testable import Course
import JSON
import XCTest

/// The responses are moto's answers to the calls the course's checks make
/// (DescribeTasks is shaped after AWS's documentation, which moto cannot run).
final class FoundValueTextTests: XCTestCase {
    func en(_ value: JSON) -> String { FoundValueText(.en).text(value) }
    func zh(_ value: JSON) -> String { FoundValueText(.zh).text(value) }

    func parse(_ text: String) throws -> JSON { try JSON(parsing: text) }

    static let vpc = #"""
        {"OwnerId": "123456789012", "InstanceTenancy": "default", "Ipv6CidrBlockAssociationSet": [],
         "CidrBlockAssociationSet": [{"AssociationId": "vpc-cidr-assoc-3dacf17c655cce7ed", "CidrBlock": "10.0.0.0/16",
                                      "CidrBlockState": {"State": "associated"}}],
         "IsDefault": false, "Tags": [{"Key": "Name", "Value": "ecslab-vpc"}],
         "VpcId": "vpc-f4d1908767a82fa59", "State": "available", "CidrBlock": "10.0.0.0/16", "DhcpOptionsId": "default"}
        """#

    static func subnet(_ id: String, _ name: String, _ cidr: String, _ zone: String) -> String {
        #"""
        {"AvailabilityZoneId": "apne1-az4", "OwnerId": "123456789012", "AssignIpv6AddressOnCreation": false,
         "Ipv6CidrBlockAssociationSet": [], "Tags": [{"Key": "Name", "Value": "\#(name)"}],
         "SubnetArn": "arn:aws:ec2:ap-northeast-1:123456789012:subnet/\#(id)", "Ipv6Native": false,
         "PrivateDnsNameOptionsOnLaunch": {"HostnameType": "ip-name", "EnableResourceNameDnsARecord": false,
                                           "EnableResourceNameDnsAAAARecord": false},
         "SubnetId": "\#(id)", "State": "available", "VpcId": "vpc-f4d1908767a82fa59", "CidrBlock": "\#(cidr)",
         "AvailableIpAddressCount": 251, "AvailabilityZone": "\#(zone)", "DefaultForAz": false, "MapPublicIpOnLaunch": true}
        """#
    }

    static let task = #"""
        {"attachments": [{"id": "d9e7735a-16aa-4128-bc7a-b2d5115029e9", "type": "ElasticNetworkInterface", "status": "ATTACHED",
                          "details": [{"name": "subnetId", "value": "subnet-a6e74579783ab51ed"},
                                      {"name": "networkInterfaceId", "value": "eni-31e7617a8d372b68a"}]}],
         "availabilityZone": "ap-northeast-1a",
         "clusterArn": "arn:aws:ecs:ap-northeast-1:123456789012:cluster/ecslab-fargate",
         "containers": [{"containerArn": "arn:aws:ecs:ap-northeast-1:123456789012:container/ecslab-fargate/5f3c/7d1e",
                         "taskArn": "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/5f3c",
                         "name": "web", "image": "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/ecslab-web:v1",
                         "lastStatus": "RUNNING", "networkBindings": [],
                         "networkInterfaces": [{"attachmentId": "d9e7735a-16aa-4128-bc7a-b2d5115029e9", "privateIpv4Address": "10.0.1.24"}]}],
         "desiredStatus": "RUNNING", "lastStatus": "RUNNING", "launchType": "FARGATE",
         "taskArn": "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/5f3c",
         "taskDefinitionArn": "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/ecslab-web-fargate:1",
         "cpu": "256", "memory": "512", "tags": []}
        """#

    // MARK: - Scalars

    func testNothingAndScalars() {
        XCTAssertEqual(en(nil), "nothing")
        XCTAssertEqual(zh(nil), "没有")
        XCTAssertEqual(en("ecslab-vpc"), "ecslab-vpc")
        XCTAssertEqual(zh("ecslab-vpc"), "ecslab-vpc")
        XCTAssertEqual(en(7), "7")
        XCTAssertEqual(en(0.25), "0.25")
        XCTAssertEqual(en(true), "true")
        XCTAssertEqual(zh(false), "false", "booleans read as the check files and the console write them, in both languages")
    }

    func testLongStringsAreCut() {
        let long = String(repeating: "a", count: 250)
        XCTAssertEqual(en(.string(long)), String(repeating: "a", count: 200) + "…")
        XCTAssertEqual(en(.string(String(repeating: "a", count: 200))), String(repeating: "a", count: 200))
    }

    // MARK: - Lists

    func testEmptyListIsNone() {
        XCTAssertEqual(en([]), "none")
        XCTAssertEqual(zh([]), "没有")
        XCTAssertEqual(en([:]), "none")
    }

    func testListOfScalarsIsJoined() {
        XCTAssertEqual(en(["10.0.1.0/24", "10.0.2.0/24"]), "10.0.1.0/24, 10.0.2.0/24")
        XCTAssertEqual(zh(["10.0.1.0/24", "10.0.2.0/24"]), "10.0.1.0/24、10.0.2.0/24")
        XCTAssertEqual(en(["RUNNING", nil, 3]), "RUNNING, nothing, 3")
    }

    func testLongListOfScalarsStopsAtTen() {
        let zones: JSON = .array((1...12).map { .string("az-\($0)") })
        XCTAssertEqual(en(zones), "az-1, az-2, az-3, az-4, az-5, az-6, az-7, az-8, az-9, az-10, and 2 more")
        XCTAssertEqual(zh(zones), "az-1、az-2、az-3、az-4、az-5、az-6、az-7、az-8、az-9、az-10、另有 2 个")
    }

    func testTagsAndEnvironmentReadAsPairs() throws {
        let tags = try parse(#"[{"Key": "Name", "Value": "ecslab-vpc"}, {"Key": "project", "Value": "ecslab"}]"#)
        XCTAssertEqual(en(tags), "Name=ecslab-vpc, project=ecslab")
        XCTAssertEqual(zh(tags), "Name=ecslab-vpc、project=ecslab")
        XCTAssertEqual(en(try parse(#"[{"name": "PORT", "value": "80"}]"#)), "PORT=80")
        XCTAssertEqual(en(try parse(#"[{"key": "project", "value": "ecslab"}]"#)), "project=ecslab")
    }

    // MARK: - Resources

    func testVPCs() throws {
        let vpcs = try parse(#"{"Vpcs": [\#(FoundValueTextTests.vpc)]}"#)
        let found = try XCTUnwrap(vpcs["Vpcs"])
        XCTAssertEqual(en(found), "vpc-f4d1908767a82fa59 (ecslab-vpc, 10.0.0.0/16, available)")
        XCTAssertEqual(zh(found), "vpc-f4d1908767a82fa59（ecslab-vpc，10.0.0.0/16，available）")
    }

    func testTheDefaultVPCSaysSo() throws {
        let vpc = try parse(#"{"CidrBlock": "172.31.0.0/16", "IsDefault": true, "State": "available", "VpcId": "vpc-0d3f", "Tags": []}"#)
        XCTAssertEqual(en(vpc), "vpc-0d3f (172.31.0.0/16, available, the default VPC)")
        XCTAssertEqual(zh(vpc), "vpc-0d3f（172.31.0.0/16，available，默认 VPC）")
    }

    func testSubnetsAreIdentifiedByTheirOwnIdNotTheirVPCOrZone() throws {
        let subnets = try parse(
            "[\(FoundValueTextTests.subnet("subnet-a6e7", "ecslab-public-1", "10.0.1.0/24", "ap-northeast-1a")),"
                + "\(FoundValueTextTests.subnet("subnet-91c2", "ecslab-public-2", "10.0.2.0/24", "ap-northeast-1c"))]")
        XCTAssertEqual(
            en(subnets),
            "subnet-a6e7 (ecslab-public-1, 10.0.1.0/24, ap-northeast-1a, available); subnet-91c2 (ecslab-public-2, 10.0.2.0/24, ap-northeast-1c, available)")
        XCTAssertEqual(
            zh(subnets),
            "subnet-a6e7（ecslab-public-1，10.0.1.0/24，ap-northeast-1a，available）；subnet-91c2（ecslab-public-2，10.0.2.0/24，ap-northeast-1c，available）")
    }

    func testMoreThanFiveObjectsStopAtFive() throws {
        let subnets = try parse("[" + (1...7).map { FoundValueTextTests.subnet("subnet-\($0)", "s\($0)", "10.0.\($0).0/24", "ap-northeast-1a") }.joined(separator: ",") + "]")
        XCTAssertTrue(en(subnets).hasPrefix("subnet-1 (s1, 10.0.1.0/24, ap-northeast-1a, available); subnet-2 "))
        XCTAssertTrue(en(subnets).hasSuffix("; subnet-5 (s5, 10.0.5.0/24, ap-northeast-1a, available); and 2 more"), en(subnets))
        XCTAssertTrue(zh(subnets).hasSuffix("；另有 2 个"), zh(subnets))
    }

    func testRouteTableAndRoutes() throws {
        let table = try parse(#"""
            {"Associations": [{"Main": true, "RouteTableAssociationId": "rtbassoc-d1f2", "RouteTableId": "rtb-cfe2",
                               "AssociationState": {"State": "associated"}}],
             "RouteTableId": "rtb-cfe2",
             "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                        {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-15ec", "Origin": "CreateRoute", "State": "active"}],
             "Tags": [{"Key": "Name", "Value": "ecslab-private-rt-1"}], "VpcId": "vpc-f4d1", "OwnerId": "123456789012"}
            """#)
        XCTAssertEqual(en(table), "rtb-cfe2 (ecslab-private-rt-1, vpc-f4d1)")
        XCTAssertEqual(en(try XCTUnwrap(table["Routes"])), "local (10.0.0.0/16, active); nat-15ec (0.0.0.0/0, active)")
        XCTAssertEqual(zh(try XCTUnwrap(table["Associations"])), "rtb-cfe2")
    }

    func testNATGatewaySecurityGroupRoleAndCluster() throws {
        let nat = try parse(#"""
            {"CreateTime": "2026-12-02T13:22:01.000Z",
             "NatGatewayAddresses": [{"AllocationId": "eipalloc-afcb", "NetworkInterfaceId": "eni-31e7", "PrivateIp": "10.0.1.103",
                                      "PublicIp": "54.250.1.2", "AssociationId": "eipassoc-2297"}],
             "NatGatewayId": "nat-15ec", "State": "available", "SubnetId": "subnet-a6e7", "VpcId": "vpc-f4d1",
             "Tags": [{"Key": "Name", "Value": "ecslab-nat"}]}
            """#)
        XCTAssertEqual(en(nat), "nat-15ec (ecslab-nat, available, subnet-a6e7, vpc-f4d1)")
        let group = try parse(#"""
            {"GroupId": "sg-493f", "IpPermissionsEgress": [{"IpProtocol": "-1", "UserIdGroupPairs": [], "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                                                            "Ipv6Ranges": [], "PrefixListIds": []}],
             "Tags": [], "VpcId": "vpc-f4d1", "SecurityGroupArn": "arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-493f",
             "OwnerId": "123456789012", "GroupName": "ecslab-fargate-web", "Description": "web", "IpPermissions": []}
            """#)
        XCTAssertEqual(en(group), "sg-493f (ecslab-fargate-web, vpc-f4d1)")
        XCTAssertEqual(zh(group), "sg-493f（ecslab-fargate-web，vpc-f4d1）")
        let role = try parse(#"""
            {"Path": "/", "RoleName": "ecslab-ecs-instance-role", "RoleId": "AROARZPUZDIKBFV3KEB5Q",
             "Arn": "arn:aws:iam::123456789012:role/ecslab-ecs-instance-role", "CreateDate": "2026-12-02T13:22:02.052082Z",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []}, "MaxSessionDuration": 3600, "RoleLastUsed": {}}
            """#)
        XCTAssertEqual(en(role), "ecslab-ecs-instance-role")
        let cluster = try parse(#"""
            {"clusterArn": "arn:aws:ecs:ap-northeast-1:123456789012:cluster/ecslab-fargate", "clusterName": "ecslab-fargate",
             "status": "ACTIVE", "registeredContainerInstancesCount": 0, "runningTasksCount": 0,
             "tags": [{"key": "project", "value": "ecslab"}], "settings": [{"name": "containerInsights", "value": "disabled"}]}
            """#)
        XCTAssertEqual(en(cluster), "ecslab-fargate (ACTIVE)")
        XCTAssertEqual(zh(cluster), "ecslab-fargate（ACTIVE）")
    }

    func testTaskAndItsContainer() throws {
        let task = try parse(FoundValueTextTests.task)
        XCTAssertEqual(en(task), "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/5f3c (RUNNING)")
        XCTAssertEqual(
            en(try XCTUnwrap(task["containers"])), "arn:aws:ecs:ap-northeast-1:123456789012:container/ecslab-fargate/5f3c/7d1e (RUNNING)",
            "a container names its task too, but is not the task")
        XCTAssertEqual(zh(task), "arn:aws:ecs:ap-northeast-1:123456789012:task/ecslab-fargate/5f3c（RUNNING）")
    }

    func testStateObjectReadsAsItsName() throws {
        let instance = try parse(#"{"ImageId": "ami-0f1e", "InstanceId": "i-0abc", "State": {"Code": 16, "Name": "running"}, "SubnetId": "subnet-a6e7"}"#)
        XCTAssertEqual(en(instance), "i-0abc (running, subnet-a6e7)")
    }

    func testGenericIdentifierAndNameTagOnly() throws {
        XCTAssertEqual(en(try parse(#"{"Description": "x", "CertificateArn": "arn:aws:acm:ap-northeast-1:1:certificate/9", "Status": "ISSUED"}"#)),
                       "arn:aws:acm:ap-northeast-1:1:certificate/9 (ISSUED)")
        XCTAssertEqual(en(try parse(#"{"Tags": [{"Key": "Name", "Value": "ecslab-web"}], "State": "active"}"#)), "ecslab-web (active)")
    }

    func testFactsStopAtFour() throws {
        let subnet = try parse(FoundValueTextTests.subnet("subnet-a6e7", "ecslab-public-1", "10.0.1.0/24", "ap-northeast-1a"))
        XCTAssertFalse(en(subnet).contains("vpc-"), "the fifth fact, the VPC, is left out: \(en(subnet))")
    }

    // MARK: - Records

    func testRecordsReadAsKeyValuePairs() throws {
        let routes = try parse(#"""
            [{"subnet": "subnet-a6e7", "route_table": "rtb-cfe2", "default_route": null, "to_internet_gateway": false},
             {"subnet": "subnet-91c2", "route_table": "rtb-cfe2", "default_route": "igw-0c1d", "to_internet_gateway": true}]
            """#)
        XCTAssertEqual(
            en(routes),
            "subnet subnet-a6e7, route_table rtb-cfe2, default_route nothing, to_internet_gateway false; "
                + "subnet subnet-91c2, route_table rtb-cfe2, default_route igw-0c1d, to_internet_gateway true")
        XCTAssertEqual(
            zh(routes),
            "subnet subnet-a6e7，route_table rtb-cfe2，default_route 没有，to_internet_gateway false；"
                + "subnet subnet-91c2，route_table rtb-cfe2，default_route igw-0c1d，to_internet_gateway true")
    }

    func testNestedValuesAreParenthesizedAndDeepOnesCounted() throws {
        let egress = try parse(#"""
            {"IpProtocol": "tcp", "FromPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}, {"CidrIp": "10.0.0.0/16"}],
             "Ipv6Ranges": [], "Options": {"Deep": {"Deeper": 1}, "Zones": ["a", "b"]}}
            """#)
        XCTAssertEqual(
            en(egress),
            "IpProtocol tcp, FromPort 80, IpRanges (CidrIp 0.0.0.0/0; CidrIp 10.0.0.0/16), Ipv6Ranges none, Options (Deep 1 field, Zones 2 items)")
        XCTAssertEqual(
            zh(egress),
            "IpProtocol tcp，FromPort 80，IpRanges（CidrIp 0.0.0.0/0；CidrIp 10.0.0.0/16），Ipv6Ranges 没有，Options（Deep 1 个字段，Zones 2 项）")
        XCTAssertEqual(en(try parse(#"{"nat": {"NatGatewayId": "nat-1", "State": "available"}, "ids": ["a"]}"#)), "nat nat-1 (available), ids a")
        XCTAssertEqual(en(try parse(#"[["a", "b"], ["c"]]"#)), "(a, b); c")
    }

    // MARK: - In the evaluator's texts

    func testFailureTextsReadTheSameWay() throws {
        let evaluator = ComparisonEvaluator(evaluate: { _, document in document }, resolve: { template in try template.resolve { _ in nil } })
        let vpcs = try parse("[\(FoundValueTextTests.vpc), \(FoundValueTextTests.vpc)]")
        let twice = try evaluator.compare(.length(try Template(1)), actual: vpcs)
        XCTAssertEqual(
            twice.actual.en,
            "2 (vpc-f4d1908767a82fa59 (ecslab-vpc, 10.0.0.0/16, available); vpc-f4d1908767a82fa59 (ecslab-vpc, 10.0.0.0/16, available))")
        XCTAssertEqual(
            twice.actual.zh,
            "2（vpc-f4d1908767a82fa59（ecslab-vpc，10.0.0.0/16，available）；vpc-f4d1908767a82fa59（ecslab-vpc，10.0.0.0/16，available））")
        XCTAssertEqual(try evaluator.compare(.length(try Template(1)), actual: []).actual, LocalizedText(zh: "0", en: "0"), "a count of none says no more")
        let state = try evaluator.compare(.isIn(try Template(["available", "attached"])), actual: "detached")
        XCTAssertEqual(state.expected, LocalizedText(zh: "available、attached 之一", en: "one of available, attached"))
        let policies = try evaluator.compare(
            .contains(try Template("arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role")),
            actual: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"])
        XCTAssertEqual(policies.actual.en, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess, arn:aws:iam::aws:policy/CloudWatchLogsFullAccess")
    }

    func testNoRenderingShowsJSON() throws {
        for value in [
            try parse(#"{"Vpcs": [\#(FoundValueTextTests.vpc)]}"#), try parse(FoundValueTextTests.task),
            try parse(FoundValueTextTests.subnet("subnet-a6e7", "ecslab-public-1", "10.0.1.0/24", "ap-northeast-1a")),
        ] {
            for text in [en(value), zh(value)] {
                XCTAssertFalse(text.contains("{") || text.contains("\"") || text.contains("["), text)
            }
        }
    }
}

import AWS
import JSON
import XCTest

final class ProtocolsTests: XCTestCase {
    let endpoint = Endpoint(scheme: "https", host: "example.amazonaws.com")

    func request(_ service: String, _ operation: String, _ input: JSON) throws -> HTTPRequest {
        let model = try ServiceModel.named(service)
        return try RequestSerializer(model: model).request(try model.operation(operation), input: input, endpoint: endpoint)
    }

    func body(_ request: HTTPRequest) -> String { String(decoding: request.body, as: UTF8.self) }

    func testEC2ListsAreFlattenedUnderCapitalisedLocationNames() throws {
        let request = try request("ec2", "DescribeSubnets", ["Filters": [["Name": "vpc-id", "Values": ["vpc-1", "a b/c"]]]])
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/")
        XCTAssertEqual(request.headers["Content-Type"], "application/x-www-form-urlencoded; charset=utf-8")
        XCTAssertEqual(body(request), "Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1&Filter.1.Value.2=a+b%2Fc")
    }

    func testEC2OmitsEmptyListsAndWritesBooleans() throws {
        let request = try request("ec2", "DescribeVpcs", ["VpcIds": [], "DryRun": true])
        XCTAssertEqual(body(request), "Action=DescribeVpcs&Version=2016-11-15&DryRun=true")
    }

    func testQueryListsUseMemberAndEmptyListsAreSent() throws {
        XCTAssertEqual(
            body(try request("autoscaling", "DescribeAutoScalingGroups", ["AutoScalingGroupNames": ["a", "b"]])),
            "Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=a&AutoScalingGroupNames.member.2=b")
        XCTAssertEqual(
            body(try request("autoscaling", "DescribeAutoScalingGroups", ["AutoScalingGroupNames": []])),
            "Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames=")
    }

    func testQueryTimestampsAreISO8601WithMicrosecondsOnlyWhenPresent() throws {
        XCTAssertEqual(
            body(try request("autoscaling", "PutScheduledUpdateGroupAction", [
                "AutoScalingGroupName": "asg", "ScheduledActionName": "stop", "StartTime": "2026-11-27T18:00:00.5+09:00",
                "EndTime": 1_764_262_800,
            ])),
            "Action=PutScheduledUpdateGroupAction&Version=2011-01-01&AutoScalingGroupName=asg&ScheduledActionName=stop&StartTime=2026-11-27T09%3A00%3A00.500000Z&EndTime=2025-11-27T17%3A00%3A00Z")
    }

    func testJSONProtocolSetsTargetAndEpochTimestamps() throws {
        let request = try request("scheduler", "ListSchedules", ["NamePrefix": "stop", "MaxResults": 5])
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/schedules")
        XCTAssertEqual(request.query, "NamePrefix=stop&MaxResults=5")
        XCTAssertEqual(request.body, [])
        let ecs = try self.request("ecs", "ListClusters", [:])
        XCTAssertEqual(ecs.headers["X-Amz-Target"], "AmazonEC2ContainerServiceV20141113.ListClusters")
        XCTAssertEqual(ecs.headers["Content-Type"], "application/x-amz-json-1.1")
        XCTAssertEqual(body(ecs), "{}")
        let schedule = try self.request("scheduler", "CreateSchedule", [
            "Name": "stop nat", "ScheduleExpression": "rate(1 hour)", "FlexibleTimeWindow": ["Mode": "OFF"],
            "Target": ["Arn": "a", "RoleArn": "r"], "StartDate": "2026-11-27T10:00:00Z", "ClientToken": "t",
        ])
        XCTAssertEqual(schedule.path, "/schedules/stop%20nat")
        XCTAssertEqual(schedule.headers["Content-Type"], "application/json")
        XCTAssertEqual(
            try JSON(parsing: body(schedule)),
            ["ScheduleExpression": "rate(1 hour)", "FlexibleTimeWindow": ["Mode": "OFF"], "Target": ["Arn": "a", "RoleArn": "r"],
             "StartDate": 1_795_773_600, "ClientToken": "t"])
    }

    func testHostPrefixesApplyOnlyWhenAsked() throws {
        let model = try ServiceModel.named("servicediscovery")
        let operation = try model.operation("DiscoverInstances")
        let aws = Endpoint(scheme: "https", host: "servicediscovery.us-east-1.amazonaws.com")
        let input: JSON = ["NamespaceName": "course.local", "ServiceName": "web"]
        XCTAssertEqual(
            try RequestSerializer(model: model).request(operation, input: input, endpoint: aws, injectHostPrefix: true).host,
            "data-servicediscovery.us-east-1.amazonaws.com")
        XCTAssertEqual(try RequestSerializer(model: model).request(operation, input: input, endpoint: aws).host, aws.host)
    }

    func testMissingIdempotencyTokensAreGenerated() throws {
        let request = try request("ec2", "CreateNatGateway", ["SubnetId": "subnet-1"])
        let token = try XCTUnwrap(body(request).split(separator: "&").first { $0.hasPrefix("ClientToken=") })
        XCTAssertEqual(token.count, "ClientToken=".count + 36)
    }

    func testRunInstancesUserDataIsBase64EncodedAsBotocoreDoes() throws {
        let request = try request("ec2", "RunInstances", ["MinCount": 1, "MaxCount": 1, "UserData": "hi", "ClientToken": "t"])
        XCTAssertTrue(body(request).contains("UserData=aGk%3D"), body(request))
    }

    func parse(_ service: String, _ operation: String, _ body: String, status: Int = 200, headers: HTTPHeaders = HTTPHeaders()) throws -> JSON {
        let model = try ServiceModel.named(service)
        return try ResponseParser(model: model).parse(
            HTTPResponse(status: status, headers: headers, body: Array(body.utf8)), for: try model.operation(operation))
    }

    /// Found by ResponseFuzzTests: the text found in place of a number was
    /// quoted whole, line breaks and all.
    func testAWrongNumberIsQuotedShortAndOnOneLine() throws {
        let role = { (duration: String) in
            "<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName><MaxSessionDuration>\(duration)</MaxSessionDuration></Role></GetRoleResult></GetRoleResponse>"
        }
        XCTAssertThrowsError(try parse("iam", "GetRole", role("36\n00"))) { error in
            XCTAssertEqual((error as? ResponseParseError)?.description, #"roleMaxSessionDurationType should be an integer but the response has "36\u{A}00""#)
        }
        XCTAssertThrowsError(try parse("iam", "GetRole", role(String(repeating: "x", count: 100_000)))) { error in
            XCTAssertEqual(
                (error as? ResponseParseError)?.description,
                "roleMaxSessionDurationType should be an integer but the response has \"\(String(repeating: "x", count: 60))…\"")
        }
    }

    func testEC2ResponsesReadItemListsTypesAndWireTimestamps() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>r-1</requestId>
              <subnetSet>
                <item>
                  <subnetId>subnet-1</subnetId>
                  <availableIpAddressCount>251</availableIpAddressCount>
                  <mapPublicIpOnLaunch>false</mapPublicIpOnLaunch>
                  <tagSet><item><key>Name</key><value>a &amp; b</value></item></tagSet>
                  <ipv6CidrBlockAssociationSet/>
                </item>
              </subnetSet>
            </DescribeSubnetsResponse>
            """
        XCTAssertEqual(
            try parse("ec2", "DescribeSubnets", xml).formatted(),
            #"{"Subnets":[{"Ipv6CidrBlockAssociationSet":[],"Tags":[{"Key":"Name","Value":"a & b"}],"SubnetId":"subnet-1","AvailableIpAddressCount":251,"MapPublicIpOnLaunch":false}]}"#)
    }

    func testQueryResponsesUnwrapTheResultAndDecodeIAMPolicies() throws {
        let xml = """
            <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetRoleResult><Role>
                <Path>/</Path><RoleName>exec</RoleName><RoleId>AROA1</RoleId><Arn>arn:aws:iam::1:role/exec</Arn>
                <CreateDate>2026-11-27T09:32:05.123Z</CreateDate>
                <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D</AssumeRolePolicyDocument>
                <MaxSessionDuration>3600</MaxSessionDuration>
              </Role></GetRoleResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </GetRoleResponse>
            """
        XCTAssertEqual(
            try parse("iam", "GetRole", xml).formatted(),
            #"{"Role":{"Path":"/","RoleName":"exec","RoleId":"AROA1","Arn":"arn:aws:iam::1:role/exec","CreateDate":"2026-11-27T09:32:05.123Z","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]},"MaxSessionDuration":3600}}"#)
    }

    func testJSONResponsesFollowModelOrderAndDropNulls() throws {
        let body = #"{"nextToken":null,"clusterArns":["arn:1","arn:2"]}"#
        XCTAssertEqual(try parse("ecs", "ListClusters", body).formatted(), #"{"clusterArns":["arn:1","arn:2"]}"#)
        let logs = #"{"logGroups":[{"storedBytes":0,"logGroupName":"/ecs/web","creationTime":1764236000123}]}"#
        XCTAssertEqual(
            try parse("logs", "DescribeLogGroups", logs).formatted(),
            #"{"logGroups":[{"logGroupName":"/ecs/web","creationTime":1764236000123,"storedBytes":0}]}"#)
    }

    func testErrorResponsesBecomeAWSServiceErrors() throws {
        let xml = "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>r-9</RequestID></Response>"
        XCTAssertThrowsError(try parse("ec2", "DescribeVpcs", xml, status: 400)) { error in
            XCTAssertEqual(error as? AWSServiceError,
                AWSServiceError(code: "InvalidVpcID.NotFound", message: "The vpc ID 'vpc-1' does not exist", requestID: "r-9", statusCode: 400))
        }
        let json = #"{"__type":"ClusterNotFoundException","message":"Cluster not found."}"#
        XCTAssertThrowsError(try parse("ecs", "DescribeServices", json, status: 400)) { error in
            XCTAssertEqual((error as? AWSServiceError)?.code, "ClusterNotFoundException")
            XCTAssertEqual((error as? AWSServiceError)?.message, "Cluster not found.")
        }
    }

    func testCLICommandIsTheEquivalentAWSInvocation() throws {
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ec2", operation: "DescribeSubnets", input: [
                "SubnetIds": ["subnet-1", "subnet-2"], "Filters": [["Name": "vpc-id", "Values": ["vpc-1"]]], "DryRun": false,
            ]),
            #"aws ec2 describe-subnets --subnet-ids subnet-1 subnet-2 --filters '[{"Name":"vpc-id","Values":["vpc-1"]}]' --no-dry-run"#)
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ecs", operation: "CreateCluster", input: ["clusterName": "course lab"]),
            "aws ecs create-cluster --cluster-name 'course lab'")
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ec2", operation: "AuthorizeSecurityGroupEgress", input: ["GroupId": "sg-1"]),
            "aws ec2 authorize-security-group-egress --group-id sg-1")
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ssm", operation: "PutParameter", input: ["Name": "/db/password", "Value": "hunter2", "Type": "SecureString"]),
            "aws ssm put-parameter --name /db/password --value '<redacted>' --type SecureString")
    }
}

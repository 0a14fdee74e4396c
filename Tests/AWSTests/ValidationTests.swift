import AWS
import JSON
import XCTest

final class ValidationTests: XCTestCase {
    func lines(_ service: String, _ operation: String, _ input: JSON) throws -> [String] {
        let model = try ServiceModel.named(service)
        do {
            try ParameterValidator(model: model).validate(input, for: try model.operation(operation))
            return []
        } catch let error as ParameterValidationError {
            return error.lines
        }
    }

    func testValidInputPasses() throws {
        XCTAssertEqual(try lines("ec2", "DescribeSubnets", ["Filters": [["Name": "vpc-id", "Values": ["vpc-1"]]], "MaxResults": 5]), [])
        XCTAssertEqual(try lines("sts", "GetCallerIdentity", [:]), [])
    }

    func testUnknownNamesSuggestTheClosestMember() throws {
        XCTAssertEqual(
            try lines("ec2", "DescribeSubnets", ["Filters": [["Nme": "vpc-id", "Values": ["vpc-1"]]], "SubnetId": ["s"]]),
            [
                "ec2:DescribeSubnets: Filters[0].Nme: unknown parameter; did you mean Name?",
                "ec2:DescribeSubnets: SubnetId: unknown parameter; did you mean SubnetIds?",
            ])
        XCTAssertEqual(
            try lines("sts", "GetCallerIdentity", ["Foo": 1]),
            ["sts:GetCallerIdentity: Foo: unknown parameter; none are accepted here"])
    }

    func testWrongTypesSayWhatWasExpected() throws {
        XCTAssertEqual(
            try lines("ec2", "DescribeSubnets", ["Filters": [["Name": "vpc-id", "Values": "vpc-1"]], "DryRun": "yes", "MaxResults": 5.5]),
            [
                "ec2:DescribeSubnets: Filters[0].Values: expected a list, got the string \"vpc-1\"",
                "ec2:DescribeSubnets: DryRun: expected true or false, got the string \"yes\"",
                "ec2:DescribeSubnets: MaxResults: expected an integer, got the number 5.5",
            ])
        XCTAssertEqual(
            try lines("ecs", "ListClusters", .array([])),
            ["ecs:ListClusters: the parameters must be a JSON object, got a list"])
    }

    func testMissingRequiredMembersAreNamedWithTheirPath() throws {
        XCTAssertEqual(
            try lines("ecs", "CreateService", ["serviceName": "web", "networkConfiguration": ["awsvpcConfiguration": ["assignPublicIp": "ENABLED"]]]),
            ["ecs:CreateService: networkConfiguration.awsvpcConfiguration.subnets: missing required parameter"])
        XCTAssertEqual(
            try lines("ecs", "RunTask", ["cluster": "c"]),
            ["ecs:RunTask: taskDefinition: missing required parameter"])
    }

    func testEnumsAndRangesAreChecked() throws {
        XCTAssertEqual(
            try lines("ecs", "RunTask", ["taskDefinition": "web", "launchType": "FARGATEE", "count": 11]),
            [
                "ecs:RunTask: launchType: \"FARGATEE\" is not one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES; did you mean FARGATE?",
            ])
        XCTAssertEqual(
            try lines("ec2", "DescribeVpcs", ["MaxResults": 1001]),
            ["ec2:DescribeVpcs: MaxResults: must be at most 1000, got 1001"])
        XCTAssertEqual(
            try lines("logs", "CreateLogGroup", ["logGroupName": ""]),
            ["logs:CreateLogGroup: logGroupName: must have at least 1 character, got 0"])
        XCTAssertEqual(
            try lines("iam", "CreateRole", ["RoleName": .string(String(repeating: "r", count: 65)), "AssumeRolePolicyDocument": "{}"]),
            ["iam:CreateRole: RoleName: must have at most 64 characters, got 65"])
    }

    func testTimestampsMustBeReadable() throws {
        XCTAssertEqual(
            try lines("autoscaling", "PutScheduledUpdateGroupAction", ["AutoScalingGroupName": "a", "ScheduledActionName": "s", "StartTime": "tomorrow"]),
            ["autoscaling:PutScheduledUpdateGroupAction: StartTime: expected a timestamp (ISO 8601 such as 2026-11-27T09:00:00Z, or epoch seconds), got the string \"tomorrow\""])
    }
}

import AWS
import JSON
import XCTest

/// The shown `aws` command hides secrets, not the settings a lesson teaches.
final class CLICommandRedactionTests: XCTestCase {
    func testEnvironmentValuesAreShownButNotTheSecretOnes() throws {
        let command = try AWSClient.cliCommand(service: "ecs", operation: "RegisterTaskDefinition", input: [
            "family": "web",
            "containerDefinitions": [[
                "name": "web", "image": "nginx",
                "environment": [["name": "PORT", "value": "80"], ["name": "DB_PASSWORD", "value": "hunter2"]],
            ]],
        ])
        XCTAssertEqual(
            command,
            #"aws ecs register-task-definition --family web --container-definitions '[{"name":"web","image":"nginx","environment":[{"name":"PORT","value":"80"},{"name":"DB_PASSWORD","value":"<redacted>"}]}]'"#)
        XCTAssertTrue(command.contains(#""value":"80""#), command)
        XCTAssertFalse(command.contains("hunter2"), command)
    }

    func testValuesNamedLikeSecretsAreRedactedWhereverTheyAre() throws {
        let environment: JSON = .array(["AWS_SECRET_ACCESS_KEY", "SessionToken", "apiKey", "GITHUB_TOKEN", "LOG_LEVEL"].map { name in
            ["name": .string(name), "value": .string("v-\(name)")]
        })
        let command = try AWSClient.cliCommand(service: "ecs", operation: "RegisterTaskDefinition", input: [
            "family": "web",
            "containerDefinitions": [["name": "web", "image": "nginx", "environment": environment]],
        ])
        for hidden in ["AWS_SECRET_ACCESS_KEY", "SessionToken", "apiKey", "GITHUB_TOKEN"] {
            XCTAssertFalse(command.contains("v-\(hidden)"), command)
        }
        XCTAssertTrue(command.contains("v-LOG_LEVEL"), command)
        // A secret's reference is what the lesson teaches, so it stays.
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ecs", operation: "RegisterTaskDefinition", input: [
                "family": "web",
                "containerDefinitions": [[
                    "name": "web", "image": "nginx",
                    "secrets": [["name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:ap-northeast-1:123456789012:parameter/db"]],
                ]],
            ]),
            #"aws ecs register-task-definition --family web --container-definitions '[{"name":"web","image":"nginx","secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:ssm:ap-northeast-1:123456789012:parameter/db"}]}]'"#)
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "iam", operation: "CreateLoginProfile", input: [
                "UserName": "bob", "Password": "hunter2", "PasswordResetRequired": true,
            ]),
            "aws iam create-login-profile --user-name bob --password '<redacted>' --password-reset-required")
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "cloudformation", operation: "CreateStack", input: [
                "StackName": "db", "Parameters": [
                    ["ParameterKey": "DBPassword", "ParameterValue": "hunter2"], ["ParameterKey": "Port", "ParameterValue": "5432"],
                ],
            ]),
            #"aws cloudformation create-stack --stack-name db --parameters '[{"ParameterKey":"DBPassword","ParameterValue":"<redacted>"},{"ParameterKey":"Port","ParameterValue":"5432"}]'"#)
    }

    func testPaginationAndIdempotencyTokensAreNotSecrets() throws {
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ecs", operation: "ListClusters", input: ["nextToken": "page-2"]),
            "aws ecs list-clusters --next-token page-2")
        XCTAssertEqual(
            try AWSClient.cliCommand(service: "ec2", operation: "CreateVpc", input: ["CidrBlock": "10.0.0.0/16", "ClientToken": "once"]),
            "aws ec2 create-vpc --cidr-block 10.0.0.0/16 --client-token once")
    }
}

import AWS
import Foundation
import JSON
import TestSupport
import XCTest

/// `ecslab call` end to end, against moto, next to the `aws` CLI.
final class CallCommandTests: XCTestCase {
    /// The `ecslab` binary built next to this test bundle by `swift build --build-tests`.
    func ecslab() throws -> URL {
        let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        let binary = folder.appendingPathComponent("ecslab")
        try TestEnvironment.need("\(binary.path) (built by swift build --build-tests)", FileManager.default.isExecutableFile(atPath: binary.path))
        return binary
    }

    func run(_ arguments: [String], url: String) async throws -> ProcessRunner.Result {
        var environment = MotoClient.cliEnvironment(url)
        environment["AWS_CONFIG_FILE"] = "/nonexistent/ecslab-test-config"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/ecslab-test-credentials"
        return try await ProcessRunner.run(try ecslab(), ["call"] + arguments, environment: environment)
    }

    func aws(_ arguments: [String], url: String) async throws -> ProcessRunner.Result {
        try await ProcessRunner.run(try TestEnvironment.venvProgram("aws"), arguments, environment: MotoClient.cliEnvironment(url))
    }

    func testPrintsExactlyWhatAWSPrints() async throws {
        let url = try TestEnvironment.motoURL()
        let cases: [([String], [String])] = [
            (["ec2", "DescribeVpcs"], ["ec2", "describe-vpcs"]),
            (["ec2", "describe-security-groups", "--output", "text"], ["ec2", "describe-security-groups", "--output", "text"]),
            (["ec2", "DescribeSubnets", "--query", "Subnets[].[SubnetId,CidrBlock]"], ["ec2", "describe-subnets", "--query", "Subnets[].[SubnetId,CidrBlock]"]),
            (["sts", "GetCallerIdentity", "--query", "Account", "--output", "text"], ["sts", "get-caller-identity", "--query", "Account", "--output", "text"]),
            (["iam", "ListRoles", #"{"PathPrefix":"/"}"#], ["iam", "list-roles", "--path-prefix", "/"]),
        ]
        for (ours, theirs) in cases {
            let mine = try await run(ours, url: url)
            let reference = try await aws(theirs, url: url)
            XCTAssertEqual(mine.status, 0, mine.stderr)
            XCTAssertEqual(reference.status, 0, reference.stderr)
            XCTAssertEqual(mine.stdout, reference.stdout, ours.joined(separator: " "))
        }
    }

    func testBadInputGetsOneLinePerProblemAndStatus252() async throws {
        let url = try TestEnvironment.motoURL()
        let result = try await run(["ec2", "DescribeVpcs", #"{"Filters":[{"Nme":"x"}],"MaxResults":2}"#], url: url)
        XCTAssertEqual(result.status, 252)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            ecslab: Invalid parameters:
            ec2:DescribeVpcs: Filters[0].Nme: unknown parameter; did you mean Name?
            ec2:DescribeVpcs: MaxResults: must be at least 5, got 2

            """)
        let unknown = try await run(["ec2", "DescribeVpc"], url: url)
        XCTAssertEqual(unknown.status, 252)
        XCTAssertEqual(unknown.stderr, "ecslab: ec2 has no operation \"DescribeVpc\"; did you mean DescribeVpcs?\n")
        let notJSON = try await run(["ecs", "ListClusters", "{nope"], url: url)
        XCTAssertEqual(notJSON.status, 252)
        XCTAssertTrue(notJSON.stderr.hasPrefix("ecslab: the parameters are not valid JSON: "), notJSON.stderr)
    }

    func testServiceErrorsLookLikeTheCLIsAndExit254() async throws {
        let url = try TestEnvironment.motoURL()
        let result = try await run(["ecs", "DescribeServices", #"{"cluster":"no-such-cluster","services":["web"]}"#], url: url)
        XCTAssertEqual(result.status, 254)
        XCTAssertEqual(result.stderr, "ecslab: An error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.\n")
    }

    func testChangesNeedYesWithoutATerminal() async throws {
        let url = try TestEnvironment.motoURL()
        let refused = try await run(["ecs", "CreateCluster", #"{"clusterName":"call-test"}"#], url: url)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "ecslab: ecs:CreateCluster changes resources; run it again with --yes to confirm.\n")
        let created = try await run(["ecs", "CreateCluster", #"{"clusterName":"call-test"}"#, "--yes", "--query", "cluster.clusterName"], url: url)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(created.stdout, "\"call-test\"\n")
    }
}

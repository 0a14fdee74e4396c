import AWS
import JSON
import TestSupport
import XCTest

final class ModelTests: XCTestCase {
    /// Every operation of every course service is compiled in (counts from botocore 1.43.11).
    func testEveryServiceKeepsEveryOperation() throws {
        let expected: [String: Int] = [
            "sts": 11, "iam": 176, "ec2": 765, "ecs": 77, "ecr": 58, "logs": 113, "autoscaling": 66, "elbv2": 51,
            "application-autoscaling": 14, "cloudformation": 90, "ssm": 146, "resourcegroupstaggingapi": 9,
            "scheduler": 12, "servicediscovery": 30,
        ]
        XCTAssertEqual(Set(ServiceModel.serviceNames), Set(expected.keys))
        for (service, count) in expected {
            XCTAssertEqual(try ServiceModel.named(service).operations.count, count, service)
        }
        XCTAssertEqual(ServiceModel.botocoreVersion, "1.43.11")
    }

    /// Operations and shapes are built only when first asked for, so a broken
    /// entry would otherwise hide until a call reached it: build them all, and
    /// every reference must name a shape that is there.
    func testEveryOperationAndShapeOfEveryModelBuilds() throws {
        for service in ServiceModel.serviceNames {
            let model = try ServiceModel.named(service)
            for name in model.operations.keys {
                let operation = try XCTUnwrap(try model.operations.value(name), "\(service) \(name)")
                for reference in [operation.input, operation.output].compactMap({ $0 }) {
                    XCTAssertTrue(model.shapes.contains(reference.target), "\(service) \(name) → \(reference.target)")
                }
            }
            for name in model.shapes.keys {
                let shape = try XCTUnwrap(try model.shapes.value(name), "\(service) \(name)")
                for reference in shape.members.map(\.reference) + [shape.member, shape.key, shape.value].compactMap({ $0 }) {
                    XCTAssertTrue(model.shapes.contains(reference.target), "\(service) \(name) → \(reference.target)")
                }
            }
        }
    }

    func testAnOperationIsFoundByItsAPIOrCLIName() throws {
        let ec2 = try ServiceModel.named("ec2")
        XCTAssertEqual(try ec2.operation("DescribeVpcs").name, "DescribeVpcs")
        XCTAssertEqual(try ec2.operation("describe-vpcs").name, "DescribeVpcs")
        XCTAssertEqual(try ec2.operation("describevpcs").name, "DescribeVpcs")
        XCTAssertThrowsError(try ec2.operation("describe-vpc")) { error in
            XCTAssertTrue("\(error)".contains("did you mean"), "\(error)")
        }
    }

    func testMetadataChoosesTheJSONProtocolAndSigningNames() throws {
        let tagging = try ServiceModel.named("resourcegroupstaggingapi").metadata
        XCTAssertEqual(tagging.protocol, "json")
        XCTAssertEqual(tagging.signingName, "tagging")
        XCTAssertEqual(tagging.targetPrefix, "ResourceGroupsTaggingAPI_20170126")
        XCTAssertEqual(try ServiceModel.named("servicediscovery").metadata.protocol, "json")
        let elbv2 = try ServiceModel.named("elbv2").metadata
        XCTAssertEqual([elbv2.protocol, elbv2.apiVersion, elbv2.endpointPrefix, elbv2.signingName, elbv2.serviceId],
            ["query", "2015-12-01", "elasticloadbalancing", "elasticloadbalancing", "Elastic Load Balancing v2"])
        let ecs = try ServiceModel.named("ecs").metadata
        XCTAssertEqual(ecs.jsonVersion, "1.1")
        XCTAssertEqual(try ServiceModel.named("scheduler").metadata.protocol, "rest-json")
    }

    func testShapesKeepLocationNamesTraitsAndRules() throws {
        let ec2 = try ServiceModel.named("ec2")
        let input = try ec2.shape("DescribeSubnetsRequest")
        let filters = try ec2.resolve(try XCTUnwrap(input.member(named: "Filters")))
        XCTAssertEqual(filters.traits.name, "Filter")
        XCTAssertEqual(filters.type, .list)
        let maxResults = try ec2.resolve(try XCTUnwrap(input.member(named: "MaxResults")))
        XCTAssertEqual(maxResults.shape.min, 5)
        XCTAssertEqual(maxResults.shape.max, 1000)
        let natInput = try ec2.shape("CreateNatGatewayRequest")
        XCTAssertEqual(natInput.member(named: "ClientToken")?.idempotencyToken, true)
        let ecs = try ServiceModel.named("ecs")
        let launchType = try ecs.resolve(try XCTUnwrap(try ecs.shape("RunTaskRequest").member(named: "launchType")))
        XCTAssertEqual(launchType.shape.enumValues, ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"])
        XCTAssertEqual(try ecs.shape("RunTaskRequest").required, ["taskDefinition"])
        let scheduler = try ServiceModel.named("scheduler")
        let get = try scheduler.operation("GetSchedule")
        XCTAssertEqual(get.httpMethod, "GET")
        XCTAssertEqual(get.requestURI, "/schedules/{Name}")
        let group = try scheduler.resolve(try XCTUnwrap(try scheduler.shape("GetScheduleInput").member(named: "GroupName")))
        XCTAssertEqual(group.traits.location, "querystring")
        XCTAssertEqual(group.traits.name, "groupName")
    }

    func testPaginatorsAndWaitersComeFromTheModels() throws {
        let ec2 = try ServiceModel.named("ec2")
        let subnets = try XCTUnwrap(ec2.paginators["DescribeSubnets"])
        XCTAssertEqual(subnets.inputTokens, ["NextToken"])
        XCTAssertEqual(subnets.outputTokens, ["NextToken"])
        XCTAssertEqual(subnets.limitKey, "MaxResults")
        XCTAssertEqual(subnets.resultKeys, ["Subnets"])
        let running = try ec2.waiter("instance-running")
        XCTAssertEqual(running.name, "InstanceRunning")
        XCTAssertEqual(running.operation, "DescribeInstances")
        XCTAssertEqual(running.delay, 15)
        XCTAssertEqual(running.maxAttempts, 40)
        XCTAssertEqual(running.acceptors.first?.matcher, .pathAll)
        XCTAssertEqual(running.acceptors.first?.argument, "Reservations[].Instances[].State.Name")
        XCTAssertEqual(running.acceptors.first?.expected, "running")
        let stable = try ServiceModel.named("ecs").waiter("ServicesStable")
        XCTAssertEqual(stable.acceptors.map(\.state), [.failure, .failure, .failure, .success])
    }

    func testOperationsAreFoundByAPIOrCLIName() throws {
        let ec2 = try ServiceModel.named("ec2")
        XCTAssertEqual(try ec2.operation("describe-subnets").name, "DescribeSubnets")
        XCTAssertEqual(try ec2.operation("DescribeSubnets").name, "DescribeSubnets")
        XCTAssertThrowsError(try ec2.operation("DescribeSubnet")) { error in
            XCTAssertEqual("\(error)", "ec2 has no operation \"DescribeSubnet\"; did you mean DescribeSubnets?")
        }
        XCTAssertThrowsError(try ServiceModel.named("lambda")) { error in
            XCTAssertEqual(
                "\(error)",
                "Unknown service \"lambda\"; ecslab knows sts, iam, ec2, ecs, ecr, logs, autoscaling, elbv2, application-autoscaling, cloudformation, ssm, resourcegroupstaggingapi, scheduler, servicediscovery."
            )
        }
    }

    func testCLINamesFollowBotocore() {
        XCTAssertEqual(CLIName.kebab("DescribeSubnets"), "describe-subnets")
        XCTAssertEqual(CLIName.kebab("VPCZoneIdentifier"), "vpc-zone-identifier")
        XCTAssertEqual(CLIName.kebab("GetCallerIdentity"), "get-caller-identity")
        XCTAssertEqual(CLIName.kebab("clusterName"), "cluster-name")
        XCTAssertEqual(CLIName.kebab("DescribeDBInstances"), "describe-db-instances")
    }

    /// Our kebab-case names against botocore's `xform_name` for every operation.
    func testEveryOperationHasBotocoresCLIName() async throws {
        let python = try TestEnvironment.venvProgram("python")
        var names: [String] = []
        for service in ServiceModel.serviceNames {
            names += try ServiceModel.named(service).operations.keys.sorted()
        }
        let script = "import sys, botocore\nfor line in sys.stdin.read().split():\n    print(botocore.xform_name(line, '-'))"
        let result = try await ProcessRunner.run(python, ["-c", script], stdin: names.joined(separator: "\n"))
        let expected = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(expected.count, names.count)
        let mismatches = zip(names, expected).filter { CLIName.kebab($0.0) != $0.1 }
        XCTAssertEqual(mismatches.map { "\($0.0): \(CLIName.kebab($0.0)) vs \($0.1)" }, [])
    }
}

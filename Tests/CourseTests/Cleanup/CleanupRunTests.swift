import Course
import Foundation
import JSON
import Synchronization
import XCTest

final class CleanupRunTests: XCTestCase {
    private func run(
        _ account: FakeAccount, _ resources: [OwnedResource], deadline: Double = 900
    ) async throws -> (report: CleanupRun.Report, sleeps: [Double]) {
        let sleeps = Mutex<[Double]>([])
        var cleanup = CleanupRun(api: account, ledger: nil)
        cleanup.deadlineSeconds = deadline
        cleanup.sleep = { seconds in sleeps.withLock { $0.append(seconds) } }
        let plan = CleanupPlan(account: "1", region: "ap-northeast-1", owned: resources, handBuilt: [])
        let report = try await cleanup.run(plan, resources: plan.owned)
        return (report, sleeps.withLock { $0 })
    }

    func testADependencyStillThereIsRetriedWithBackoffUntilItGoes() async throws {
        let account = FakeAccount()
        let tries = Mutex(0)
        account.on("ec2:DeleteSubnet") { _ in
            let count = tries.withLock { $0 += 1; return $0 }
            if count < 3 { throw FakeAccount.FakeError(code: "DependencyViolation") }
            return [:]
        }
        account.on("ec2:DescribeSubnets") { _ in throw FakeAccount.FakeError(code: "InvalidSubnetID.NotFound") }
        let (report, sleeps) = try await run(account, [OwnedResource(kind: .subnet, id: "subnet-1", ownership: .tags)])
        XCTAssertEqual(report.deleted.map(\.id), ["subnet-1"])
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(sleeps, [1, 2])
    }

    func testNotFoundIsDoneAndWhatNeverFreesUpIsLeftAtTheDeadlineWithWhy() async throws {
        let account = FakeAccount()
        account.on("ec2:DeleteSecurityGroup") { _ in throw FakeAccount.FakeError(code: "InvalidGroup.NotFound") }
        account.on("ec2:DeleteVpc") { _ in throw FakeAccount.FakeError(code: "DependencyViolation") }
        account.on("ec2:DescribeSecurityGroups") { _ in ["SecurityGroups": []] }
        let (report, _) = try await run(
            account, [OwnedResource(kind: .vpc, id: "vpc-1", ownership: .tags), OwnedResource(kind: .securityGroup, id: "sg-1", ownership: .ledger)],
            deadline: 10)
        XCTAssertEqual(report.alreadyGone.map(\.id), ["sg-1"])
        XCTAssertEqual(report.left.map(\.resource.id), ["vpc-1"])
        XCTAssertTrue(report.left[0].reason.contains("DependencyViolation"), report.left[0].reason)
        XCTAssertFalse(report.isClean)
    }

    func testTheElasticIPIsReleasedOnlyOnceItsNATGatewayIsGone() async throws {
        let account = FakeAccount()
        for name in ["ec2:DeleteNatGateway", "ec2:wait:NatGatewayDeleted", "ec2:ReleaseAddress"] { account.on(name) { _ in [:] } }
        account.on("ec2:DescribeNatGateways") { _ in ["NatGateways": [["NatGatewayId": "nat-1", "State": "deleted"]]] }
        account.on("ec2:DescribeAddresses") { _ in ["Addresses": []] }
        let (report, _) = try await run(
            account, [OwnedResource(kind: .elasticIP, id: "eipalloc-1", ownership: .tags), OwnedResource(kind: .natGateway, id: "nat-1", ownership: .tags)])
        XCTAssertTrue(report.isClean)
        let changes = account.callNames().filter { !$0.contains(":Describe") }
        XCTAssertEqual(changes, ["ec2:DeleteNatGateway", "ec2:wait:NatGatewayDeleted", "ec2:ReleaseAddress"])
    }

    func testACapacityProviderComesOffOurClustersOnlyAndAPolicyOffOurRolesOnly() async throws {
        let account = FakeAccount()
        account.on("ecs:DescribeClusters") { input in
            ["clusters": [["clusterName": input["clusters"]?[0] ?? "?", "status": "ACTIVE", "capacityProviders": ["ecslab-cp", "FARGATE"]]]]
        }
        account.on("ecs:PutClusterCapacityProviders") { _ in [:] }
        account.on("ecs:DeleteCapacityProvider") { _ in [:] }
        account.on("ecs:DescribeCapacityProviders") { _ in ["capacityProviders": []] }
        account.on("iam:ListEntitiesForPolicy") { _ in ["PolicyRoles": [["RoleName": "ecslab-task-role"], ["RoleName": "someone-elses-role"]]] }
        account.on("iam:DetachRolePolicy") { _ in [:] }
        let (report, _) = try await run(
            account, [
                OwnedResource(kind: .capacityProvider, id: "ecslab-cp", ownership: .tags), OwnedResource(kind: .cluster, id: "ecslab-ec2", ownership: .tags),
                OwnedResource(kind: .role, id: "ecslab-task-role", ownership: .tags),
                OwnedResource(kind: .policy, id: "arn:aws:iam::1:policy/ecslab-p", ownership: .tags),
            ])
        let put = try XCTUnwrap(account.calls.first { $0.operation == "ecs:PutClusterCapacityProviders" })
        XCTAssertEqual(put.input["cluster"], "ecslab-ec2")
        XCTAssertEqual(put.input["capacityProviders"], ["FARGATE"])
        XCTAssertEqual(account.calls.filter { $0.operation == "ecs:DescribeClusters" }.compactMap { $0.input["clusters"]?[0]?.stringValue }.first, "ecslab-ec2")
        let detached = account.calls.filter { $0.operation == "iam:DetachRolePolicy" }.compactMap { $0.input["RoleName"]?.stringValue }
        XCTAssertFalse(detached.contains("someone-elses-role"))
        let policy = try XCTUnwrap(report.left.first { $0.resource.kind == .policy })
        XCTAssertTrue(policy.reason.contains("someone-elses-role"), policy.reason)
    }
}

import Foundation
import TestSupport
import XCTest

/// Each lesson that costs money, built by the tutor in a fresh account and
/// then `ecslab cleanup all --yes`: it exits 0 and nothing carrying the
/// course tag is left, as an inventory made without ecslab (and without its
/// ledger) finds. `--dry-run` before it deletes nothing.
final class NothingLeftTests: CleanupTestCase {
    func testNetwork() throws {
        try assertNothingLeft(
            "network", after: [["do", "network", "--yes"]],
            makes: ["vpc", "subnet", "internet-gateway", "route-table", "natgateway", "elastic-ip"])
    }

    /// Lesson 5 with lessons 3 and 4 before it. On plain moto the steps
    /// that wait for ECS agents are skipped as not applicable, and the
    /// lesson deletes its EC2 cluster itself, so what is left for cleanup
    /// is the Fargate cluster, the roles and the network.
    func testClustersWithRequirements() throws {
        try assertNothingLeft(
            "clusters", after: [["do", "clusters", "--yes", "--with-requirements"]],
            makes: ["cluster", "role", "instance-profile", "policy", "vpc", "natgateway"])
    }

    /// Lesson 7 with everything before it (lesson 6 only as far as it goes
    /// without Docker and Node: the ECR repository).
    func testFargateTask() throws {
        try assertNothingLeft(
            "fargate-task", after: [["do", "fargate-task", "--yes", "--with-requirements"]],
            makes: ["log-group", "task-definition", "security-group", "repository", "cluster", "role", "natgateway"])
    }

    private func assertNothingLeft(_ lesson: String, after commands: [[String]], makes kinds: Set<String>) throws {
        let account = try freshAccount()
        for command in commands {
            assertSucceeded(try account.ecslab(command), "ecslab \(command.joined(separator: " "))")
        }
        let built = try account.inventory()
        // The inventory sees what the lesson made: otherwise "nothing left"
        // below would prove nothing.
        XCTAssertEqual(kinds.subtracting(built.resources.map(\.type)), [], "kinds the inventory did not find:\n\(Inventory.describe(built.resources))")

        let dryRun = try account.ecslab(["cleanup", "all", "--dry-run"])
        assertSucceeded(dryRun, "ecslab cleanup all --dry-run")
        let afterDryRun = try account.inventory()
        XCTAssertEqual(Set(afterDryRun.resources.map(\.arn)), Set(built.resources.map(\.arn)), "--dry-run deletes nothing")

        let cleanup = try account.ecslab(["cleanup", "all", "--yes"])
        let left = try account.inventory()
        print("nothing-left \(lesson): resources built \(built.resources.count), cleanup exit \(cleanup.status), resources left \(left.resources.count)")
        assertSucceeded(cleanup, "ecslab cleanup all --yes")
        XCTAssertEqual(left.resources.count, 0, "left after cleanup all:\n\(Inventory.describe(left.resources))\n\(cleanup.said.suffix(3000))")
    }
}

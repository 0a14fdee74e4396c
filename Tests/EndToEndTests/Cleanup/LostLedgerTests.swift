import Foundation
import TestSupport
import XCTest

/// A learner whose ledger is gone (a new laptop, a wiped home folder) still
/// gets everything deleted: `cleanup all` finds our resources by their
/// course tags and owner alone, in dependency order, exits 0, and the
/// inventory is empty. `--dry-run` before it deletes nothing.
final class LostLedgerTests: CleanupTestCase {
    func testCleanupAllFindsEverythingByTagsWithoutTheLedger() throws {
        let account = try freshAccount()
        for command in [
            ["do", "network", "--yes"], ["do", "clusters", "--yes", "--with-requirements"],
            ["do", "fargate-task", "--yes", "--with-requirements"],
        ] {
            assertSucceeded(try account.ecslab(command), "ecslab \(command.joined(separator: " "))")
        }
        let built = try account.inventory()
        XCTAssertGreaterThan(built.resources.count, 20, "lessons 3 to 7 made our resources:\n\(Inventory.describe(built.resources))")
        let ledger = account.ledger()
        XCTAssert(FileManager.default.fileExists(atPath: ledger.path), "the ledger is at \(ledger.path)")
        try FileManager.default.removeItem(at: ledger)

        let dryRun = try account.ecslab(["cleanup", "all", "--dry-run"])
        assertSucceeded(dryRun, "ecslab cleanup all --dry-run")
        XCTAssertEqual(Set(try account.inventory().resources.map(\.arn)), Set(built.resources.map(\.arn)), "--dry-run deletes nothing")

        let cleanup = try account.ecslab(["cleanup", "all", "--yes"])
        let left = try account.inventory()
        let foundByTags = CleanupPlan.foundByTags(cleanup.standardOutput)
        print("lost-ledger: resources built \(built.resources.count), found by tags \(foundByTags.count) "
            + "(dry run \(CleanupPlan.foundByTags(dryRun.standardOutput).count)), resources left \(left.resources.count), exit \(cleanup.status)")
        assertSucceeded(cleanup, "ecslab cleanup all --yes without a ledger")
        XCTAssertEqual(left.resources.count, 0, "left:\n\(Inventory.describe(left.resources))\n\(cleanup.said.suffix(3000))")
        // With no ledger, tags are the only way to know a resource is ours,
        // so the plan names each tagged resource as found by them
        // (schedules carry no tags; their group does).
        let tagged = built.resources.filter { $0.type != "schedule" }
        XCTAssertGreaterThanOrEqual(foundByTags.count, tagged.count, "plan lines found by tags:\n\(foundByTags.joined(separator: "\n"))")
    }
}

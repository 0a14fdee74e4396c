import Foundation
import TestSupport
import XCTest

/// `ecslab reap --regions …` deletes every resource that carries the course
/// tag and whose `ecslab:expires-at` has passed, whoever's it is, in every
/// region named, and keeps the rest: those not yet expired, and those with
/// no expiry at all. `--dry-run` deletes nothing.
final class ReapTests: CleanupTestCase {
    static let regions = ["ap-northeast-1", "us-west-2"]

    func testExpiredAreDeletedAndTheRestKeptInBothRegions() throws {
        let (account, made) = try expiring()
        let reap = try account.ecslab(["reap", "--regions", Self.regions.joined(separator: ",")])
        let survived = try survivors(account, made)
        let kept = made.filter { $0.expiry != "past" }
        let expired = made.filter { $0.expiry == "past" }
        print("reap: made \(made.count), expired \(expired.count), deleted \(made.count - survived.count), "
            + "kept \(survived.count) of \(kept.count), exit \(reap.status)")
        assertSucceeded(reap, "ecslab reap")
        XCTAssertEqual(survived.filter { $0.expiry == "past" }.count, 0,
                       "expired and still there:\n\(BuiltResource.describe(survived.filter { $0.expiry == "past" }))\n\(reap.said.suffix(3000))")
        XCTAssertEqual(survived.count, kept.count, "not expired, yet deleted:\n\(BuiltResource.describe(kept.filter { !survived.contains($0) }))")
        for region in Self.regions {
            XCTAssertEqual(survived.filter { $0.region == region }.count, kept.filter { $0.region == region }.count, "kept in \(region)")
            XCTAssertGreaterThan(expired.filter { $0.region == region }.count, 0, "something expired in \(region)")
        }
        XCTAssert(expired.contains { $0.owner != LearnerAccount.owner }, "another learner's expired resource is part of the test")
    }

    func testDryRunDeletesNothing() throws {
        let (account, made) = try expiring()
        let reap = try account.ecslab(["reap", "--regions", Self.regions.joined(separator: ","), "--dry-run"])
        let survived = try survivors(account, made)
        print("reap --dry-run: made \(made.count), survived \(survived.count), exit \(reap.status)")
        assertSucceeded(reap, "ecslab reap --dry-run")
        XCTAssertEqual(survived.count, made.count, "deleted by a dry run:\n\(BuiltResource.describe(made.filter { !survived.contains($0) }))")
    }

    /// What the tutor makes lives four hours: reap now keeps all of it,
    /// reap five hours on (the wall clock moved, builders/wall_clock_ahead.c) deletes all of it, in both regions.
    func testTheTutorsResourcesExpireAfterTheirLifetime() throws {
        let account = try freshAccount()
        for region in Self.regions {
            assertSucceeded(try account.ecslab(["do", "network", "--yes", "--region", region]), "ecslab do network in \(region)")
        }
        let built = try account.inventory(Self.regions)
        for region in Self.regions {
            XCTAssertGreaterThan(built.resources.filter { $0.region == region }.count, 0, "the network in \(region)")
        }
        let now = try account.ecslab(["reap", "--regions", Self.regions.joined(separator: ",")])
        let afterNow = try account.inventory(Self.regions)
        let later = try account.ecslab(["reap", "--regions", Self.regions.joined(separator: ",")], clockAhead: 5 * 3600)
        let left = try account.inventory(Self.regions)
        print("reap of the tutor's: built \(built.resources.count), kept now \(afterNow.resources.count), "
            + "left five hours on \(left.resources.count), exits \(now.status) \(later.status)")
        assertSucceeded(now, "ecslab reap")
        XCTAssertEqual(Set(afterNow.resources.map(\.arn)), Set(built.resources.map(\.arn)), "nothing has expired yet")
        assertSucceeded(later, "ecslab reap five hours later")
        XCTAssertEqual(left.resources.count, 0, "left five hours on:\n\(Inventory.describe(left.resources))\n\(later.said.suffix(3000))")
    }

    private func expiring() throws -> (LearnerAccount, [BuiltResource]) {
        let account = try freshAccount()
        let made = try BuiltResource.list(account.builder(
            "expiring.py", ["--endpoint", account.endpoint, "--regions", Self.regions.joined(separator: ","), "--owner", LearnerAccount.owner]))
        return (account, made)
    }

    private func survivors(_ account: LearnerAccount, _ made: [BuiltResource]) throws -> [BuiltResource] {
        try BuiltResource.list(account.builder("survivors.py", ["--endpoint", account.endpoint], input: try BuiltResource.json(made)))
    }
}

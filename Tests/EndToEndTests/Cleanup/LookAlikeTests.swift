import Foundation
import TestSupport
import XCTest

/// An account where the course's names are also taken by things that are
/// not ours (builders/lookalikes.py): untagged resources with the very
/// names the lessons use, or names a prefix match would take, and another
/// learner's resources that carry the course tag with their own
/// `ecslab:owner`. After the tutor has built lessons 3, 4 and 5, neither
/// `cleanup all` nor `reap` may touch any of them, and both must still
/// remove everything of ours.
final class LookAlikeTests: CleanupTestCase {
    func testCleanupAllDeletesOursAndNoLookAlike() throws {
        let (account, made) = try lab()
        let cleanup = try account.ecslab(["cleanup", "all", "--yes"])
        try assertOnlyLookAlikesLeft(account, made, after: cleanup, "cleanup all --yes")
    }

    /// Five hours on, everything the tutor made is past its four-hour
    /// lifetime; the other learner's resources expire in 2099 and the
    /// look-alikes carry no course tag, so reap keeps them all.
    func testReapFiveHoursLaterDeletesOursAndNoLookAlike() throws {
        let (account, made) = try lab()
        let reap = try account.ecslab(["reap", "--regions", "ap-northeast-1"], clockAhead: 5 * 3600)
        try assertOnlyLookAlikesLeft(account, made, after: reap, "reap with the clock five hours on")
    }

    /// The look-alikes a prefix would match first, then the lessons (with
    /// lesson 3 as lesson 5's requirement), then those with the lessons'
    /// very names: `ecslab do` rightly refuses to build next to a resource
    /// of a lesson's name that it did not make.
    private func lab() throws -> (LearnerAccount, [BuiltResource]) {
        let account = try freshAccount()
        let region = ["--endpoint", account.endpoint, "--region", "ap-northeast-1"]
        var made = try BuiltResource.list(account.builder("lookalikes.py", ["prefixed"] + region))
        for command in [["do", "network", "--yes"], ["do", "clusters", "--yes", "--with-requirements"]] {
            assertSucceeded(try account.ecslab(command), "ecslab \(command.joined(separator: " ")) beside the look-alikes")
        }
        made += try BuiltResource.list(account.builder("lookalikes.py", ["same-names"] + region))
        let ours = try account.inventory().owned(by: LearnerAccount.owner)
        XCTAssertGreaterThan(ours.count, 10, "the lessons made our resources:\n\(Inventory.describe(ours))")
        return (account, made)
    }

    private func assertOnlyLookAlikesLeft(_ account: LearnerAccount, _ made: [BuiltResource], after outcome: Run.Outcome, _ what: String) throws {
        let survived = try BuiltResource.list(account.builder("survivors.py", ["--endpoint", account.endpoint], input: try BuiltResource.json(made)))
        let inventory = try account.inventory()
        let left = inventory.owned(by: LearnerAccount.owner)
        print("look-alikes after \(what): created \(made.count), survived \(survived.count), ours left \(left.count), exit \(outcome.status)")
        assertSucceeded(outcome, "ecslab \(what)")
        XCTAssertEqual(survived.count, made.count, "look-alikes deleted:\n\(BuiltResource.describe(made.filter { !survived.contains($0) }))")
        XCTAssertEqual(left.count, 0, "ours left:\n\(Inventory.describe(left))\n\(outcome.said.suffix(3000))")
        // The other learner's, still carrying the course tag, are exactly those the builder made.
        let theirs = made.filter { $0.otherLearner == true }
        XCTAssertEqual(inventory.others(than: LearnerAccount.owner).count, theirs.count, Inventory.describe(inventory.resources))
    }

}

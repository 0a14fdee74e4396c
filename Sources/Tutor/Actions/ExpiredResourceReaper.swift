import AWS
import Course
import Foundation

/// `ecslab reap`: in every region given, deletes each resource of the
/// course whose `ecslab:expires-at` has passed, anyone's in the account,
/// and keeps the rest. Made to run unattended (cron, a CI schedule): it
/// asks nothing, needs no ledger, and never offers what was built by hand.
public struct ExpiredResourceReaper: Sendable {
    public struct Outcome: Sendable {
        public var deleted = 0
        public var left = 0
    }

    /// The regions to reap; the workspace's own when empty.
    public var regions: [String]
    public var dryRun: Bool
    public var now: Date

    public init(regions: [String], dryRun: Bool, now: Date = Date()) {
        self.regions = regions
        self.dryRun = dryRun
        self.now = now
    }

    public func run(in workspace: Workspace) async throws -> Outcome {
        var outcome = Outcome()
        let language = workspace.language
        let narrator = CleanupNarrator(console: workspace.console, names: CleanupNames(language: language))
        for region in regions.isEmpty ? [workspace.aws.region] : regions {
            let api: any AccountAPI =
                region == workspace.aws.region
                ? workspace.account
                : ModelAccount(client: try workspace.aws.inRegion(region).client, account: workspace.identity.account, region: region)
            // The ledger of this machine, where there is one, learns what went.
            let ledger = try Ledger(state: workspace.state, account: workspace.identity.account, region: region)
            var planner = CleanupPlanner(api: api, ledger: LedgerInventory(ledger: ledger, reconciler: nil))
            let prices = workspace.content.prices
            planner.hourlyCost = { resource in prices.usdPerHour(of: resource, region: region) }
            let plan = try await planner.plan(CleanupScope(expiredBefore: now, owner: nil, offersHandBuilt: false))
            if plan.owned.isEmpty {
                let everything = try await planner.plan(CleanupScope(owner: nil, offersHandBuilt: false))
                workspace.console.out(TutorText.reapNothingExpired(language, ["region": region, "kept": String(everything.owned.count)]))
                continue
            }
            workspace.console.out(
                TutorText.reapRegion(language, ["region": region, "count": String(plan.owned.count), "time": CourseTags.format(now)]))
            narrator.show(plan)
            if dryRun {
                workspace.console.out(TutorText.cleanupDryRunDone(language))
                continue
            }
            let report = try await CleanupRun(api: api, ledger: ledger).run(plan, resources: plan.owned) { event in narrator.narrate(event) }
            narrator.summarize(report)
            outcome.deleted += report.deleted.count
            outcome.left += report.left.count
        }
        return outcome
    }
}

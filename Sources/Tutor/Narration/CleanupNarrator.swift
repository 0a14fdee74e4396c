import Course
import Terminal

/// Says what a cleanup run does as it does it: each `aws` command, what is
/// deleted or already gone, what waits for AWS, and at the end what is left.
struct CleanupNarrator: Sendable {
    var console: Console
    var names: CleanupNames

    private func say(_ text: TutorText, _ fields: [String: String] = [:]) {
        console.out(text(names.language, fields))
    }

    private func fields(_ resource: OwnedResource) -> [String: String] {
        ["kind": names.kind(resource), "name": resource.shownName]
    }

    /// The plan, before anything is deleted: ours in order with why and
    /// what it costs, then what was built by hand, apart.
    func show(_ plan: CleanupPlan) {
        if plan.owned.isEmpty {
            say(.cleanupNothingOurs)
        } else {
            say(.cleanupPlanHeading, ["count": String(plan.owned.count)])
            for (index, resource) in plan.owned.enumerated() {
                say(.cleanupPlanRow, fields(resource).merging(["rank": String(index + 1), "why": names.why(resource), "cost": names.cost(resource.usdPerHour)]) { $1 })
            }
            if plan.usdPerHour > 0 { say(.cleanupPlanCost, ["usd": String(TutorPrompt.cost(plan.usdPerHour).dropFirst())]) }
        }
        guard !plan.handBuilt.isEmpty else { return }
        say(.cleanupHandBuiltHeading)
        for resource in plan.handBuilt {
            say(.cleanupHandBuiltRow, fields(resource).merging(["lesson": resource.lesson ?? "?", "cost": names.cost(resource.usdPerHour)]) { $1 })
        }
    }

    func narrate(_ event: CleanupRun.Event) {
        switch event {
        case .calling(_, let cli): console.out("$ \(cli)")
        case .deleted(let resource): say(.cleanupDeletedOne, fields(resource))
        case .alreadyGone(let resource):
            // Most runs find no leftover interfaces: that is no news.
            if resource.kind != .networkInterfaces { say(.cleanupGoneOne, fields(resource)) }
        case .retrying(let resource, let code, let delay):
            say(.cleanupRetryingOne, fields(resource).merging(["code": code, "seconds": String(Int(delay))]) { $1 })
        case .waiting(let progress): say(.teardownWaiting, ["awaited": progress.awaited])
        case .failed(let resource, let reason): say(.cleanupFailedOne, fields(resource).merging(["reason": reason]) { $1 })
        }
    }

    func summarize(_ report: CleanupRun.Report) {
        say(.deletedSummary, ["count": String(report.deleted.count), "usd": String(format: "%.3f", report.usdPerHourSaved)])
        if report.left.isEmpty {
            say(.cleanupLeftNothing)
            return
        }
        say(.cleanupLeftHeading, ["count": String(report.left.count)])
        for (resource, reason) in report.left {
            say(.cleanupLeftRow, fields(resource).merging(["reason": reason]) { $1 })
        }
    }
}

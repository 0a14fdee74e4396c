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

    func narrate(_ event: CleanupRun.Event) {
        switch event {
        case .calling(_, let cli): console.out("$ \(cli)")
        case .deleted(let resource): say(.cleanupDeletedOne, fields(resource))
        case .alreadyGone(let resource): say(.cleanupGoneOne, fields(resource))
        case .retrying(let resource, let code, let delay):
            say(.cleanupRetryingOne, fields(resource).merging(["code": code, "seconds": String(Int(delay))]) { $1 })
        case .waiting(let progress): say(.teardownWaiting, ["awaited": progress.awaited])
        case .failed(let resource, let reason): say(.cleanupFailedOne, fields(resource).merging(["reason": reason]) { $1 })
        }
    }

    func summarize(_ report: CleanupRun.Report) {
        if report.left.isEmpty {
            say(.cleanupLeftNothing, [
                "count": String(report.deleted.count), "gone": String(report.alreadyGone.count),
                "usd": String(TutorPrompt.cost(report.usdPerHourSaved).dropFirst()),
            ])
            return
        }
        say(.cleanupLeftHeading, ["count": String(report.left.count)])
        for (resource, reason) in report.left {
            say(.cleanupLeftRow, fields(resource).merging(["reason": reason]) { $1 })
        }
    }
}

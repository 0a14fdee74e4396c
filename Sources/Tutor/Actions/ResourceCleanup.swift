import Course
import Foundation
import Terminal

/// Deleting what is ours (`ecslab cleanup`, the tutor's `cleanup`, leaving
/// the tutor): where, then the plan with why each resource is ours and what
/// it costs, then the question, then the deletions in order, and last what
/// AWS says is left. What the learner built by hand is offered apart, one
/// resource at a time.
public struct ResourceCleanup: Sendable {
    public struct Outcome: Sendable {
        public var plan: CleanupPlan
        public var report: CleanupRun.Report?
        /// The learner said no to the plan.
        public var declined = false

        public var isClean: Bool { declined || (report?.isClean ?? true) }
    }

    public var dryRun: Bool
    /// Only what is billed by the hour: what leaving the tutor removes.
    public var costlyOnly: Bool
    /// Delete the app folders the lessons laid out too; by default they are
    /// the learner's work and stay.
    public var removeApp: Bool
    /// The learner's values for the lessons' variables, where the app folder is named.
    public var overrides: [String: String]
    /// Ask before deleting what is ours (not with `--yes`, nor when leaving).
    public var asksFirst: Bool

    public init(dryRun: Bool = false, costlyOnly: Bool = false, removeApp: Bool = false, overrides: [String: String] = [:], asksFirst: Bool = false) {
        self.dryRun = dryRun
        self.costlyOnly = costlyOnly
        self.removeApp = removeApp
        self.overrides = overrides
        self.asksFirst = asksFirst
    }

    /// Plans, shows the plan, asks, and carries out what was agreed to.
    /// - Parameters:
    ///   - lesson: one lesson's resources, or every lesson's when nil.
    ///   - ask: asks the learner a yes/no question (with its default); nil
    ///     where nobody can answer, and then nothing built by hand is deleted.
    public func run(lesson: String?, in workspace: Workspace, ask: ((String, Bool) -> Bool)? = nil) async throws -> Outcome {
        let plan = try await self.plan(lesson: lesson, in: workspace, offersHandBuilt: ask != nil || !costlyOnly)
        guard !dryRun else { return try await carryOut(plan, chosen: [], lesson: lesson, in: workspace) }
        guard let chosen = choose(from: plan, language: workspace.language, console: workspace.console, ask: ask) else {
            return Outcome(plan: plan, declined: true)
        }
        return try await carryOut(plan, chosen: chosen, lesson: lesson, in: workspace)
    }

    /// Where, then the plan, as the learner reads it before anything is deleted.
    public func plan(lesson: String?, in workspace: Workspace, offersHandBuilt: Bool = true) async throws -> CleanupPlan {
        workspace.console.out(
            TutorText.cleanupWhere(workspace.language, ["account": workspace.identity.account, "region": workspace.aws.region, "owner": workspace.owner]))
        let scope = CleanupScope(lesson: lesson, costlyOnly: costlyOnly, owner: workspace.owner, offersHandBuilt: offersHandBuilt)
        let plan = try await workspace.cleanupPlanner(settling: !dryRun).plan(scope)
        CleanupNarrator(console: workspace.console, names: CleanupNames(language: workspace.language)).show(plan)
        return plan
    }

    /// What the learner agrees to delete: ours, once they say yes to the
    /// plan (unless it needs no asking), and each thing built by hand they
    /// say yes to. Nil when they say no to the plan.
    public func choose(from plan: CleanupPlan, language: Language, console: Console, ask: ((String, Bool) -> Bool)?) -> [OwnedResource]? {
        if !plan.owned.isEmpty, asksFirst {
            guard let ask, ask(TutorText.cleanupPlanAsk(language, ["count": String(plan.owned.count)]), true) else {
                console.out(TutorText.cleanupNothingDeleted(language))
                return nil
            }
        }
        var chosen = plan.owned
        let names = CleanupNames(language: language)
        for resource in plan.handBuilt {
            let fields = ["kind": names.kind(resource), "name": resource.shownName]
            if let ask, ask(TutorText.cleanupHandBuiltAsk(language, fields), false) {
                chosen.append(resource)
            } else {
                console.out(TutorText.cleanupHandBuiltKept(language, fields))
            }
        }
        return chosen
    }

    /// Deletes `chosen` in the plan's order, then says what AWS still has.
    public func carryOut(_ plan: CleanupPlan, chosen: [OwnedResource], lesson: String?, in workspace: Workspace) async throws -> Outcome {
        var outcome = Outcome(plan: plan)
        let narrator = CleanupNarrator(console: workspace.console, names: CleanupNames(language: workspace.language))
        if dryRun {
            workspace.console.out(TutorText.cleanupDryRunDone(workspace.language))
        } else if !chosen.isEmpty {
            var report = try await workspace.cleanupRun().run(plan, resources: chosen) { event in narrator.narrate(event) }
            // Whatever still carries our tags after the run is left too, said so.
            let again = try await workspace.cleanupPlanner(settling: false).plan(
                CleanupScope(lesson: lesson, costlyOnly: costlyOnly, owner: workspace.owner, offersHandBuilt: false))
            let reported = Set(report.left.map(\.resource.key))
            for resource in again.owned where resource.ownership != .ledger && !reported.contains(resource.key) && resource.kind != .networkInterfaces {
                report.left.append((resource, TutorText.cleanupStillTagged(workspace.language)))
            }
            narrator.summarize(report)
            outcome.report = report
        }
        if !costlyOnly { appFolders(lesson: lesson, in: workspace) }
        return outcome
    }

    /// What becomes of the folders the lessons laid the app out in: kept,
    /// saying so, or deleted with `removeApp`.
    private func appFolders(lesson: String?, in workspace: Workspace) {
        let lessons = workspace.content.lessons.filter { lesson == nil || $0.id == lesson }
        var seen: Set<String> = []
        for lesson in lessons {
            let scope = workspace.scope(for: lesson, overrides: overrides)
            for step in lesson.steps {
                guard case .local(.copy(_, let to)) = step.kind, let folder = (try? scope.resolve(to))?.stringValue else { continue }
                let url = workspace.paths.url(folder)
                guard seen.insert(url.path).inserted, FileManager.default.fileExists(atPath: url.path) else { continue }
                if removeApp, !dryRun {
                    do {
                        try FileManager.default.removeItem(at: url)
                        workspace.console.out(TutorText.appFolderRemoved(workspace.language, ["folder": folder]))
                    } catch {
                        workspace.console.out(TutorText.appFolderNotRemoved(workspace.language, ["folder": folder, "reason": error.localizedDescription]))
                    }
                } else if removeApp {
                    workspace.console.out(TutorText.appFolderWouldBeRemoved(workspace.language, ["folder": folder]))
                } else {
                    workspace.console.out(TutorText.appFolderKept(workspace.language, ["folder": folder]))
                }
            }
        }
    }
}

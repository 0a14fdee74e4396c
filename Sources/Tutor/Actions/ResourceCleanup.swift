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

    /// - Parameters:
    ///   - lesson: one lesson's resources, or every lesson's when nil.
    ///   - ask: asks the learner a yes/no question (with its default); nil
    ///     where nobody can answer, and then nothing built by hand is deleted.
    public func run(lesson: String?, in workspace: Workspace, ask: ((String, Bool) -> Bool)? = nil) async throws -> Outcome {
        let language = workspace.language
        let console = workspace.console
        func say(_ text: TutorText, _ fields: [String: String] = [:]) { console.out(text(language, fields)) }
        say(.cleanupWhere, ["account": workspace.identity.account, "region": workspace.aws.region, "owner": workspace.owner])
        let scope = CleanupScope(lesson: lesson, costlyOnly: costlyOnly, owner: workspace.owner, offersHandBuilt: !costlyOnly || ask != nil)
        let plan = try await workspace.cleanupPlanner(settling: !dryRun).plan(scope)
        let names = CleanupNames(language: language)
        let narrator = CleanupNarrator(console: console, names: names)
        narrator.show(plan)
        var outcome = Outcome(plan: plan)
        if dryRun {
            say(.cleanupDryRunDone)
            if !costlyOnly { appFolders(lesson: lesson, in: workspace) }
            return outcome
        }
        var chosen = plan.owned
        if !plan.owned.isEmpty, asksFirst {
            guard let ask, ask(TutorText.cleanupPlanAsk(language, ["count": String(plan.owned.count)]), true) else {
                say(.cleanupNothingDeleted)
                outcome.declined = true
                return outcome
            }
        }
        for resource in plan.handBuilt {
            let fields = ["kind": names.kind(resource), "name": resource.shownName]
            if let ask, ask(TutorText.cleanupHandBuiltAsk(language, fields), false) {
                chosen.append(resource)
            } else {
                say(.cleanupHandBuiltKept, fields)
            }
        }
        if !chosen.isEmpty {
            var report = try await workspace.cleanupRun().run(plan, resources: chosen) { event in narrator.narrate(event) }
            // Whatever still carries our tags after the run is left too, said so.
            let again = try await workspace.cleanupPlanner(settling: false).plan(
                CleanupScope(lesson: lesson, costlyOnly: costlyOnly, owner: workspace.owner, offersHandBuilt: false))
            let reported = Set(report.left.map(\.resource.key))
            for resource in again.owned where resource.ownership != .ledger && !reported.contains(resource.key) && resource.kind != .networkInterfaces {
                report.left.append((resource, TutorText.cleanupStillTagged(language)))
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

import Course
import Foundation

/// Grading a lesson, or every lesson, against the account: what
/// `ecslab check` reports and selftest asserts.
public struct LessonGrader: Sendable {
    public var overrides: [String: String]
    /// How many independent reads are made at once.
    public var readsAtOnce = 8
    /// Where every call the checks make is recorded, for a benchmark to replay.
    public var trace: CallTrace?

    public init(overrides: [String: String] = [:]) {
        self.overrides = overrides
    }

    /// - Parameter target: a lesson id, or `all`.
    public func grade(_ target: String, in workspace: Workspace) async throws -> [CheckResult] {
        try await gradeCounting(target, in: workspace).results
    }

    /// The results, and the lookups and reads the run made.
    public func gradeCounting(_ target: String, in workspace: Workspace) async throws -> CheckRun {
        let lessons = target == "all" ? workspace.content.lessons : [try workspace.lesson(target)]
        var runner = workspace.checkRunner()
        runner.readConcurrency = readsAtOnce
        if let trace { runner.api = TracingAccount(inner: runner.api, trace: trace, learner: workspace.owner) }
        let (console, language) = (workspace.console, workspace.language)
        // One run: a lookup several lessons need is made once.
        let batches = lessons.map { lesson in
            (checks: workspace.content.gradedChecks(of: lesson.id), scope: workspace.scope(for: lesson, overrides: overrides))
        }
        return await runner.run(batches, all: workspace.content.checks) { event in
            // A countdown while AWS settles, on standard error so reports stay clean.
            guard case .waiting(let check, let remaining) = event else { return }
            console.error(TutorText.checkSettling(language, ["check": check.id, "seconds": String(remaining)]))
        }
    }
}


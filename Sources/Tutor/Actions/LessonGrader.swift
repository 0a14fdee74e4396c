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

    /// The results, and the lookups and reads the run made. `target` is a
    /// lesson, `all`, or one check as `LESSON/CHECK`.
    public func gradeCounting(_ target: String, in workspace: Workspace) async throws -> CheckRun {
        let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            let lesson = try workspace.lesson(parts[0])
            let checks = workspace.content.gradedChecks(of: lesson.id)
            guard let check = checks.first(where: { $0.id == parts[1] }) else {
                throw CommandFailure.usage(TutorText.unknownCheck(workspace.language, [
                    "lesson": lesson.id, "check": parts[1], "known": checks.map(\.id).joined(separator: ", "),
                ]))
            }
            return await run([(lesson, [check])], in: workspace)
        }
        let lessons = target == "all" ? workspace.content.lessons : [try workspace.lesson(target)]
        return await run(lessons.map { ($0, workspace.content.gradedChecks(of: $0.id)) }, in: workspace)
    }

    private func run(_ lessons: [(lesson: Lesson, checks: [Check])], in workspace: Workspace) async -> CheckRun {
        var runner = workspace.checkRunner()
        runner.readConcurrency = readsAtOnce
        if let trace { runner.api = TracingAccount(inner: runner.api, trace: trace, learner: workspace.owner) }
        let (console, language) = (workspace.console, workspace.language)
        // One run: a lookup several lessons need is made once.
        let batches = lessons.map { lesson, checks in
            (checks: checks, scope: workspace.scope(for: lesson, overrides: overrides))
        }
        return await runner.run(batches, all: workspace.content.checks) { event in
            // A countdown while AWS settles, on standard error so reports stay clean.
            guard case .waiting(let check, let remaining) = event else { return }
            console.error(TutorText.checkSettling(language, ["check": check.id, "seconds": String(remaining)]))
        }
    }
}


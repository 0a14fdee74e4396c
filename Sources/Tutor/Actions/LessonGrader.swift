import Course
import Foundation
import Synchronization

/// Grading a lesson, or every lesson, against the account: what
/// `ecslab check` reports and selftest asserts.
public struct LessonGrader: Sendable {
    public var overrides: [String: String]

    public init(overrides: [String: String] = [:]) {
        self.overrides = overrides
    }

    /// - Parameter target: a lesson id, or `all`.
    public func grade(_ target: String, in workspace: Workspace) async throws -> [CheckResult] {
        try await gradeCounting(target, in: workspace).results
    }

    /// The results, and the lookups and reads the run made.
    public func gradeCounting(_ target: String, in workspace: Workspace) async throws -> GradeRun {
        let lessons = target == "all" ? workspace.content.lessons : [try workspace.lesson(target)]
        let runner = workspace.checkRunner()
        let (console, language) = (workspace.console, workspace.language)
        // One run: a lookup several lessons need is made once.
        let batches = lessons.map { lesson in
            (checks: workspace.content.gradedChecks(of: lesson.id), scope: workspace.scope(for: lesson, overrides: overrides))
        }
        let made = RunCounts()
        let results = await runner.run(batches, all: workspace.content.checks) { event in
            switch event {
            case .waiting(let check, let remaining):
                // A countdown while AWS settles, on standard error so reports stay clean.
                console.error(TutorText.checkSettling(language, ["check": check.id, "seconds": String(remaining)]))
            case .done(let lookups, let reads):
                made.set(lookups: lookups, reads: reads)
            case .started, .finished:
                break
            }
        }
        return GradeRun(results: results, lookups: made.lookups, reads: made.reads)
    }
}

/// A grading run: its results, and what it read to get them.
public struct GradeRun: Sendable {
    public var results: [CheckResult]
    /// Lookups made, each once however many checks needed it.
    public var lookups: Int
    /// Reads sent to AWS, lookups' and checks' together.
    public var reads: Int
}

/// The counts a run reports at its end, kept from its observer.
private final class RunCounts: Sendable {
    private let counts = Mutex((lookups: 0, reads: 0))
    func set(lookups: Int, reads: Int) { counts.withLock { $0 = (lookups, reads) } }
    var lookups: Int { counts.withLock { $0.lookups } }
    var reads: Int { counts.withLock { $0.reads } }
}

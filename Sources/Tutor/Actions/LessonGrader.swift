import Course
import Foundation

/// Grading a lesson, or every lesson, against the account: what
/// `ecslab check` reports and selftest asserts.
public struct LessonGrader: Sendable {
    public var overrides: [String: String]

    public init(overrides: [String: String] = [:]) {
        self.overrides = overrides
    }

    /// - Parameter target: a lesson id, or `all`.
    public func grade(_ target: String, in workspace: Workspace) async throws -> [CheckResult] {
        let lessons = target == "all" ? workspace.content.lessons : [try workspace.lesson(target)]
        let runner = workspace.checkRunner()
        let (console, language) = (workspace.console, workspace.language)
        var results: [CheckResult] = []
        for lesson in lessons {
            let checks = workspace.content.gradedChecks(of: lesson.id)
            results += await runner.run(checks, all: workspace.content.checks, scope: workspace.scope(for: lesson, overrides: overrides)) { event in
                // A countdown while AWS settles, on standard error so reports stay clean.
                guard case .waiting(let check, let remaining) = event else { return }
                console.error(TutorText.checkSettling(language, ["check": check.id, "seconds": String(remaining)]))
            }
        }
        return results
    }
}

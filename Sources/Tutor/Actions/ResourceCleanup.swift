import Course
import Terminal

/// Tearing down what the tutor created (`ecslab cleanup`, the tutor's
/// `cleanup`, leaving the tutor): newest first, narrated, then proved.
public struct ResourceCleanup: Sendable {
    public var dryRun: Bool
    /// Only what is billed by the hour: what leaving the tutor removes.
    public var costlyOnly: Bool

    public init(dryRun: Bool = false, costlyOnly: Bool = false) {
        self.dryRun = dryRun
        self.costlyOnly = costlyOnly
    }

    /// - Parameter lesson: one lesson's resources, or every lesson's when nil.
    public func run(lesson: String?, in workspace: Workspace) async throws -> Teardown.Report {
        let narrator = StepNarrator(console: workspace.console, language: workspace.language, style: .forStandardOutput())
        let report = try await workspace.teardown().run(lesson: lesson, costlyOnly: costlyOnly, dryRun: dryRun) { event in narrator.narrate(event) }
        if !dryRun { narrator.summarize(report) }
        return report
    }
}

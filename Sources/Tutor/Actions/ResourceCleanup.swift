import Course
import Foundation
import Terminal

/// Tearing down what the tutor created (`ecslab cleanup`, the tutor's
/// `cleanup`, leaving the tutor): newest first, narrated, then proved.
public struct ResourceCleanup: Sendable {
    public var dryRun: Bool
    /// Only what is billed by the hour: what leaving the tutor removes.
    public var costlyOnly: Bool
    /// Delete the app folders the lessons laid out too; by default they are
    /// the learner's work and stay.
    public var removeApp: Bool
    /// The learner's values for the lessons' variables, where the app folder is named.
    public var overrides: [String: String]

    public init(dryRun: Bool = false, costlyOnly: Bool = false, removeApp: Bool = false, overrides: [String: String] = [:]) {
        self.dryRun = dryRun
        self.costlyOnly = costlyOnly
        self.removeApp = removeApp
        self.overrides = overrides
    }

    /// - Parameter lesson: one lesson's resources, or every lesson's when nil.
    public func run(lesson: String?, in workspace: Workspace) async throws -> Teardown.Report {
        let narrator = StepNarrator(console: workspace.console, language: workspace.language, style: .forStandardOutput())
        let report = try await workspace.teardown().run(lesson: lesson, costlyOnly: costlyOnly, dryRun: dryRun) { event in narrator.narrate(event) }
        if !dryRun { narrator.summarize(report) }
        if !costlyOnly { appFolders(lesson: lesson, in: workspace) }
        return report
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

import Course
import Foundation
import Terminal

/// `ecslab draw network|cluster`, and `draw` in the tutor: the learner's own
/// network or clusters, drawn from what AWS returns, mistakes marked.
public enum AccountDrawing {
    public enum Subject: String, CaseIterable, Sendable {
        case network, cluster

        /// What the tutor offers to draw after checking `lesson`.
        public static func drawing(lesson: String) -> Subject? {
            switch lesson {
            case NetworkSurvey.lessonID: .network
            case ClusterSurvey.lessonID, "fargate-task": .cluster
            default: nil
            }
        }
    }

    /// Box drawing unless asked for ASCII or the locale is not UTF-8; colour
    /// only on a terminal without NO_COLOR.
    public static func style(ascii: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> (glyphs: BoxGlyphs, colors: Bool) {
        let glyphs: BoxGlyphs = ascii || !TerminalLocale.namesUTF8(environment: environment) ? .ascii : .unicode
        return (glyphs, TerminalStyle.forStandardOutput(environment: environment).colors)
    }

    /// The drawing, and whether it shows a mistake (for the exit code).
    public static func draw(_ subject: Subject, in workspace: Workspace, glyphs: BoxGlyphs, colors: Bool) async throws -> (text: String, flawed: Bool) {
        switch subject {
        case .network:
            let lesson = try workspace.lesson(NetworkSurvey.lessonID)
            let survey = NetworkSurvey(api: workspace.account, content: workspace.content)
            switch try await survey.survey(scope: workspace.scope(for: lesson, overrides: [:])) {
            case .nothing(let why):
                return (why[workspace.language] + "\n", true)
            case .picture(let picture):
                let flawed = !picture.problems.isEmpty || picture.zones.contains { $0.subnets.contains { !$0.problems.isEmpty } }
                return (NetworkDrawing(language: workspace.language, glyphs: glyphs, colors: colors).render(picture), flawed)
            }
        case .cluster:
            let lesson = try workspace.lesson(ClusterSurvey.lessonID)
            let survey = ClusterSurvey(api: workspace.account)
            let picture = try await survey.survey(scope: workspace.scope(for: lesson, overrides: [:]), simulated: workspace.sandbox != nil)
            return (ClusterDrawing(language: workspace.language, glyphs: glyphs, colors: colors).render(picture), picture.isFlawed)
        }
    }
}

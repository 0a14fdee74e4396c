import Course
import Foundation
import Terminal

/// Opening the tutor as the learner does: choose the account, run the
/// preflight, greet, and run the prompt until they leave. Signals end it
/// the same way leaving does, without asking.
public enum TutorLaunch {
    /// The exit status: 0 after leaving, 2 when preflight stopped it.
    public static func run(_ options: WorkspaceOptions, console: Console = .standard) async -> Int32 {
        let modes = TerminalModes()
        let target = AccountTarget.choose(options)
        let workspace: Workspace
        switch await Preflight.open(options, target: target, console: console) {
        case .success(let opened):
            workspace = opened
        case .failure(let list):
            console.error(TutorText.preflightProblems(options.language))
            for problem in list.problems { console.error(problem.line(options.language)) }
            return 2
        }
        let style = TerminalStyle.forStandardOutput()
        let reader: any LineReader
        if TerminalStyle.inputIsTerminal, let editor = EditLineReader(historyFile: try? workspace.state.folder("repl").appendingPathComponent("history")) {
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        let session = TutorSession(workspace: workspace, target: target, reader: reader, style: style)
        session.fellBackToSandbox = target == .sandbox && !options.sandbox
        let watcher = SignalWatcher(interruption: session.interruption, terminate: TutorSession.terminator(workspace: workspace, modes: modes))
        await session.run()
        withExtendedLifetime(watcher) {}
        return 0
    }
}

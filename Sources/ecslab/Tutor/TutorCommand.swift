import ArgumentParser
import Course
import Foundation
import REPL

/// `ecslab` with no subcommand: the interactive tutor.
struct TutorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutor", abstract: "Open the interactive tutor (what ecslab does with no subcommand).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let language: Language
        do {
            language = try options.language()
        } catch {
            throw CommandFailure.from(error).exit()
        }
        let modes = TerminalModes()
        let target = TutorTarget.choose(options)
        let workspace: CourseWorkspace
        switch await TutorPreflight.open(options, target: target) {
        case .success(let opened):
            workspace = opened
        case .failure(let list):
            Console.error(TutorText.preflightProblems(language))
            for problem in list.problems { Console.error(problem.line(language)) }
            throw ExitCode(2)
        }
        let interactive = Console.inputIsTerminal
        let style = TerminalStyle.forStandardOutput()
        let reader: any LineReader
        if interactive, let editor = EditLineReader(historyFile: try? StateDirectory().folder("repl").appendingPathComponent("history")) {
            reader = editor
        } else {
            reader = PlainLineReader()
        }
        let session = TutorSession(workspace: workspace, options: options, target: target, reader: reader, style: style)
        let watcher = SignalWatcher(interruption: session.interruption, terminate: TutorSession.terminator(workspace: workspace, modes: modes))
        session.greet()
        if target == .realAccount {
            let problems = await TutorPreflight.realAccountProblems(workspace)
            for problem in problems { Console.out(style.yellow(problem.line(language))) }
        }
        await session.run()
        withExtendedLifetime(watcher) {}
    }
}

extension TutorSession {
    func greet() {
        say(.welcome)
        let fields = ["account": workspace.identity.account, "region": workspace.session.region, "endpoint": workspace.endpoint?.url ?? ""]
        switch target {
        case .endpoint: say(.endpointTarget, fields)
        case .realAccount: say(.realTarget, fields)
        case .sandbox:
            if !options.sandbox { say(.noCredentials) }
            say(.sandboxTarget, fields)
        }
        say(.preflightOK)
        if let lesson = currentLesson, let step = currentStep {
            Console.out(style.dim(language == .zh ? "上次学到：\(lesson.id)/\(step.id)。输入 show 继续。" : "You were at \(lesson.id)/\(step.id). Type show to go on."))
        }
    }
}

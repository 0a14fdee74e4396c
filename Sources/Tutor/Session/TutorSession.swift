import AWS
import Course
import Foundation
import Terminal

/// The tutor at its prompt: reads a command line, runs it with the same
/// actions as the non-interactive commands, and keeps the learner's place
/// (lesson and step) in their progress. Everything it says goes to the
/// workspace's console and every answer comes from `reader`, so a test
/// drives it with a scripted reader and reads back the exact transcript.
public final class TutorSession {
    public internal(set) var workspace: Workspace
    public let target: AccountTarget
    let reader: any LineReader
    let style: TerminalStyle
    let indicator: WaitIndicator
    public let interruption = Interruption()
    /// The sandbox was not asked for: there were no credentials to use.
    public var fellBackToSandbox = false
    /// What the preflight of a real account asks about the learner's tools.
    public var tools: any ToolAvailability = LocalTools()

    public init(workspace: Workspace, target: AccountTarget, reader: any LineReader, style: TerminalStyle, indicator: WaitIndicator? = nil) {
        self.workspace = workspace
        self.target = target
        self.reader = reader
        self.style = style
        let console = workspace.console
        self.indicator = indicator ?? WaitIndicator(animated: style.colors || TerminalStyle.canAnimate) { console.write($0) }
    }

    var language: Language { workspace.language }
    var console: Console { workspace.console }

    func say(_ text: TutorText, _ fields: [String: String] = [:]) {
        console.out(text(language, fields))
    }

    // MARK: Where the learner is

    var currentLesson: Lesson? {
        workspace.progress.currentLesson.flatMap { workspace.content.lesson($0) }
    }

    var currentStep: Step? {
        guard let lesson = currentLesson else { return nil }
        return workspace.progress.currentStep.flatMap { lesson.step($0) } ?? lesson.steps.first
    }

    var prompt: TutorPrompt {
        TutorPrompt(lesson: currentLesson?.id, step: currentStep?.id, usdPerHour: workspace.runningCost)
    }

    func refreshCompletion() {
        reader.completion = TutorCompletion(content: workspace.content, currentLesson: currentLesson?.id).source
    }

    /// The workspace with a spinner shown for the length of every wait.
    var waitingWorkspace: Workspace {
        let (indicator, language) = (self.indicator, self.language)
        return workspace.wrappingAccount { WaitingAccount(inner: $0, indicator: indicator, language: language) }
    }

    // MARK: The loop

    /// Greets the learner, then reads commands until `quit` or the end of input.
    public func run() async {
        greet()
        if target == .realAccount {
            for problem in await Preflight.realAccountProblems(workspace, tools: tools) { console.out(style.yellow(problem.line(language))) }
        }
        refreshCompletion()
        while true {
            guard case .line(let line) = reader.read(prompt: prompt.text) else {
                await leave()
                return
            }
            let words = CommandWords.split(line)
            guard let first = words.first else { continue }
            guard let command = TutorCommandName(word: first) else {
                say(.unknownCommand, ["command": first])
                continue
            }
            if command == .quit {
                await leave()
                return
            }
            do {
                try await perform(command, Array(words.dropFirst()))
            } catch is CancellationError {
                indicator.end()
                console.out("")
                say(.waitCancelled)
            } catch {
                indicator.end()
                say(.commandFailed, ["message": CommandFailure.from(error, language: language).message])
            }
            refreshCompletion()
        }
    }

    func greet() {
        say(.welcome)
        let fields = ["account": workspace.identity.account, "region": workspace.aws.region, "endpoint": workspace.endpoint?.url ?? ""]
        switch target {
        case .endpoint: say(.endpointTarget, fields)
        case .realAccount: say(.realTarget, fields)
        case .sandbox:
            if fellBackToSandbox { say(.noCredentials) }
            say(.sandboxTarget, fields)
        }
        say(.preflightOK)
        if let lesson = currentLesson, let step = currentStep {
            console.out(style.dim(TutorText.resumeAt(language, ["lesson": lesson.id, "step": step.id])))
        }
    }

    func perform(_ command: TutorCommandName, _ arguments: [String]) async throws {
        switch command {
        case .help: help(arguments.first)
        case .lessons: listLessons()
        case .start: try start(arguments.first)
        case .prepare: try await prepare()
        case .show: try show(arguments.first)
        case .next: try move(by: 1)
        case .back: try move(by: -1)
        case .do:
            try await doStep(arguments.first { $0 != TutorSession.useExistingWord }, useExisting: arguments.contains(TutorSession.useExistingWord))
        case .check: try await check(arguments.first)
        case .draw: try await draw(arguments.first)
        case .script: try saveScript(arguments)
        case .hint: try hint()
        case .quiz: try quiz(arguments.first)
        case .status: status()
        case .cleanup: try await cleanup(arguments.first)
        case .call: try await call(arguments)
        case .set: try setName(arguments)
        case .lang: switchLanguage(arguments.first)
        case .reset: try reset()
        case .quit: break
        }
    }

    /// Asks a yes/no question through the line reader; an empty answer (or
    /// the end of input) takes the default.
    func confirm(_ question: String, defaultYes: Bool) -> Bool {
        reader.confirm(question, defaultYes: defaultYes)
    }

    // MARK: Leaving

    /// Leaving with costly resources alive asks whether to tear them down,
    /// defaulting to yes; the app the lessons started on this machine is
    /// stopped, saying so, and so is a sandbox server the tutor started.
    func leave() async {
        let cost = workspace.runningCost
        if cost > 0, confirm(TutorText.leaveCostly(language, ["usd": TutorPrompt.cost(cost).dropFirst().description]), defaultYes: true) {
            say(.leaveTearingDown)
            _ = try? await ResourceCleanup(costlyOnly: true).run(lesson: nil, in: waitingWorkspace)
        }
        await LocalAppStopper(workspace: workspace).stopAll()
        workspace.sandbox?.close()
        say(.goodbye)
    }

    /// What SIGTERM and SIGHUP do: tear down what costs money without
    /// asking, stop what the tutor started on this machine (the app, a
    /// sandbox server), and leave.
    public static func terminator(workspace: Workspace, modes: TerminalModes) -> @Sendable (String) -> Void {
        { signal in
            modes.restore()
            let status: Int32 = signal == "SIGHUP" ? 129 : 143
            let costly = workspace.runningCost > 0
            workspace.console.out("\n" + (costly ? TutorText.signalTearingDown : .signalLeaving)(workspace.language, ["signal": signal]))
            Task {
                if costly { _ = try? await ResourceCleanup(costlyOnly: true).run(lesson: nil, in: workspace) }
                await LocalAppStopper(workspace: workspace).stopAll()
                workspace.sandbox?.close()
                Foundation.exit(status)
            }
        }
    }
}

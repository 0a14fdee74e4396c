import AWS
import ArgumentParser
import Course
import Foundation
import REPL

/// The tutor at its prompt: reads a command line, runs it on the course
/// engine and the same code as the non-interactive commands, and keeps the
/// learner's place (lesson and step) in their progress.
final class TutorSession {
    var workspace: CourseWorkspace
    let options: GlobalOptions
    let target: TutorTarget
    let reader: any LineReader
    let style: TerminalStyle
    let indicator: WaitIndicator
    let interruption = Interruption()

    init(workspace: CourseWorkspace, options: GlobalOptions, target: TutorTarget, reader: any LineReader, style: TerminalStyle) {
        self.workspace = workspace
        self.options = options
        self.target = target
        self.reader = reader
        self.style = style
        indicator = WaitIndicator(animated: style.colors || Console.inputIsTerminal && isatty(STDOUT_FILENO) == 1)
    }

    var language: Language { workspace.language }

    func say(_ text: TutorText, _ fields: [String: String] = [:]) {
        Console.out(text(language, fields))
    }

    // MARK: Where the learner is

    var currentLesson: Lesson? {
        workspace.progress.currentLesson.flatMap { workspace.content.lesson($0) }
    }

    var currentStep: Step? {
        guard let lesson = currentLesson else { return nil }
        return workspace.progress.currentStep.flatMap { lesson.step($0) } ?? lesson.steps.first
    }

    /// The hourly cost of what the tutor created and has not torn down.
    var runningCost: Double {
        ((try? workspace.ledger.live()) ?? []).reduce(0) { $0 + $1.usdPerHour }
    }

    var prompt: TutorPrompt {
        TutorPrompt(lesson: currentLesson?.id, step: currentStep?.id, usdPerHour: runningCost)
    }

    func refreshCompletion() {
        let content = workspace.content
        reader.completion = CompletionSource(
            lessons: content.lessons.map(\.id),
            steps: Dictionary(uniqueKeysWithValues: content.lessons.map { ($0.id, $0.steps.map(\.id)) }),
            currentLesson: currentLesson?.id,
            services: ServiceModel.serviceNames,
            operations: { service in ((try? ServiceModel.named(service))?.operations.keys).map { Array($0) } ?? [] })
    }

    /// An account whose waits show the spinner.
    var waitingAccount: any AccountAPI {
        WaitingAccount(inner: workspace.account, indicator: indicator, language: language)
    }

    // MARK: The loop

    func run() async {
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
                Console.out("")
                say(.waitCancelled)
            } catch is ExitCode {
                // A reused command has already said what went wrong.
            } catch {
                indicator.end()
                say(.commandFailed, ["message": CommandFailure.from(error, language: language).message])
            }
            refreshCompletion()
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
        case .do: try await doStep(arguments.first)
        case .check: try await check(arguments.first)
        case .hint: try hint()
        case .quiz: try quiz(arguments.first)
        case .status: status()
        case .cleanup: try await cleanup(arguments.first)
        case .call: try await call(arguments)
        case .lang: try switchLanguage(arguments.first)
        case .reset: try reset()
        case .quit: break
        }
    }

    /// Asks a yes/no question through the line reader; an empty answer (or
    /// the end of input) takes the default.
    func confirm(_ question: String, defaultYes: Bool) -> Bool {
        let choices = (defaultYes ? TutorText.yesNoDefaultYes : .yesNoDefaultNo)(language)
        guard case .line(let answer) = reader.ask("\(question) \(choices)") else { return defaultYes }
        let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
        if word.isEmpty { return defaultYes }
        return ["y", "yes", "是", "好"].contains(word)
    }

    // MARK: Leaving

    /// Leaving with costly resources alive asks whether to tear them down,
    /// defaulting to yes.
    func leave() async {
        let cost = runningCost
        if cost > 0, confirm(TutorText.leaveCostly(language, ["usd": TutorPrompt.cost(cost).dropFirst().description]), defaultYes: true) {
            say(.leaveTearingDown)
            _ = try? await CleanupCommand.tearDown(lesson: nil, in: workspace, dryRun: false, costlyOnly: true, account: waitingAccount)
        }
        say(.goodbye)
    }

    /// What SIGTERM and SIGHUP do: tear down what costs money, without asking.
    static func terminator(workspace: CourseWorkspace, modes: TerminalModes) -> @Sendable (String) -> Void {
        { signal in
            modes.restore()
            let status: Int32 = signal == "SIGHUP" ? 129 : 143
            guard ((try? workspace.ledger.live()) ?? []).contains(where: { $0.usdPerHour > 0 }) else {
                Console.out("\n" + TutorText.signalLeaving(workspace.language, ["signal": signal]))
                Foundation.exit(status)
            }
            Console.out("\n" + TutorText.signalTearingDown(workspace.language, ["signal": signal]))
            Task {
                _ = try? await CleanupCommand.tearDown(lesson: nil, in: workspace, dryRun: false, costlyOnly: true)
                Foundation.exit(status)
            }
        }
    }
}

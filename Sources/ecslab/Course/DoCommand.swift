import ArgumentParser
import Course
import Foundation

/// `ecslab do LESSON[/STEP]`: the tutor performs the steps, showing each
/// `aws` command; steps that already pass are left alone.
struct DoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do", abstract: "Perform a lesson's steps (or one step) for you, then check them.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "LESSON or LESSON/STEP.")
    var target: String

    @Flag(help: "Do not ask before creating something that costs money; answer quizzes with the right answer.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Show every call that would be made, and change nothing.")
    var dryRun = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a lesson variable.", valueName: "name=value"))
    var set: [String] = []

    @Flag(name: .customLong("with-requirements"), help: "First do the earlier lessons this one builds on, when they are not done yet.")
    var withRequirements = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            var workspace = try await CourseWorkspace.open(options)
            let overrides = try CourseWorkspace.overrides(set)
            let lesson = try workspace.lesson(String(target.split(separator: "/").first ?? ""))
            let missing = LessonRequirements.missing(for: lesson, in: workspace.content, progress: workspace.progress)
            if !missing.isEmpty, !dryRun {
                guard withRequirements else {
                    let names = missing.map(\.lesson.id).joined(separator: ", ")
                    let zh = "第 \(lesson.order) 课要用到这些课程建立的资源，请先完成：\(names)。也可以运行 `ecslab do \(target) --with-requirements` 让导师一并完成。"
                    let en = "Lesson \(lesson.id) builds on what these lessons create; do them first: \(names). Or run `ecslab do \(target) --with-requirements` to have the tutor do them too."
                    throw CommandFailure.usage(workspace.language == .zh ? zh : en)
                }
                for required in missing {
                    guard try await DoCommand.perform(required.lesson.id, in: &workspace, yes: yes, dryRun: false, overrides: [:]) else { throw ExitCode(1) }
                }
            }
            let outcome = try await DoCommand.perform(target, in: &workspace, yes: yes, dryRun: dryRun, overrides: overrides)
            if !outcome { throw ExitCode(1) }
        }
    }

    /// Performs the steps named by `target`; true when they all ended done.
    static func perform(
        _ target: String, in workspace: inout CourseWorkspace, yes: Bool, dryRun: Bool, overrides: [String: String],
        account: (any AccountAPI)? = nil
    ) async throws -> Bool {
        let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
        let lesson = try workspace.lesson(parts[0])
        var steps = lesson.steps
        if parts.count == 2 {
            guard let step = lesson.step(parts[1]) else {
                throw CommandFailure.usage("Lesson '\(lesson.id)' has no step '\(parts[1])'. Its steps are: \(lesson.steps.map(\.id).joined(separator: ", ")).")
            }
            steps = [step]
        }
        if !dryRun { _ = try await workspace.reconciler(overrides: overrides).reconcileAll() }
        let narrator = StepNarrator(language: workspace.language, colors: Console.colors)
        var runner = workspace.stepRunner()
        if let account {
            runner.api = account
            runner.checks.api = account
            runner.teardown?.api = account
            runner.teardown?.reconciler.api = account
        }
        var scope = workspace.scope(for: lesson, overrides: overrides)
        var allDone = true
        for step in steps {
            narrator.heading(lesson, step)
            if let quiz = step.quiz {
                allDone = try answer(quiz, step: step, lesson: lesson, workspace: &workspace, yes: yes, dryRun: dryRun, narrator: narrator) && allDone
                continue
            }
            let interactive = Console.inputIsTerminal
            let language = workspace.language
            runner.checks.recordedPasses = workspace.progress.recordedPasses
            let outcome = try await runner.perform(
                step, of: lesson, content: workspace.content, scope: &scope, progress: &workspace.progress, dryRun: dryRun,
                confirm: { call in
                    if yes { return true }
                    guard interactive, case .hourly(let usd) = call.cost else { return false }
                    let question = language == .zh
                        ? "\(call.operation) 会产生费用（约 \(usd) 美元/小时）。继续吗？"
                        : "\(call.operation) costs money (about $\(usd) an hour). Go ahead?"
                    return Console.confirm(question, defaultYes: false)
                }, observe: narrator.observer)
            if outcome == .declined, !interactive {
                throw CommandFailure.usage("This step creates something that costs money; run again with --yes to allow it.")
            }
            if !dryRun {
                for (name, value) in scope.saved[lesson.id] ?? [:] { workspace.progress.save(value, as: name, lesson: lesson.id) }
                if outcome == .done || outcome == .alreadyDone { workspace.progress.complete(lesson: lesson.id, step: step.id) }
                workspace.progress.currentLesson = lesson.id
                workspace.progress.currentStep = step.id
                try workspace.saveProgress()
            }
            allDone = allDone && [.done, .alreadyDone, .dryRun, .notApplicable].contains(outcome)
        }
        return allDone
    }

    /// The tutor answers a quiz only when told to (`--yes`); otherwise it
    /// shows the question and leaves the answer to the learner in the tutor.
    private static func answer(
        _ quiz: Quiz, step: Step, lesson: Lesson, workspace: inout CourseWorkspace, yes: Bool, dryRun: Bool, narrator: StepNarrator
    ) throws -> Bool {
        let key = "\(lesson.id)/\(step.id)"
        if workspace.progress.quizAnswers[key] == quiz.answer {
            narrator.say("这道题已经答对了。", "Already answered correctly.")
            return true
        }
        narrator.say(quiz.question.zh, quiz.question.en)
        for (index, choice) in quiz.choices.enumerated() {
            Console.out("  \(index + 1). \(choice[workspace.language])")
        }
        guard yes, !dryRun else { return false }
        workspace.progress.quizAnswers[key] = quiz.answer
        workspace.progress.complete(lesson: lesson.id, step: step.id)
        narrator.say("答案：\(quiz.answer + 1)。\(quiz.explanation.zh)", "Answer: \(quiz.answer + 1). \(quiz.explanation.en)")
        try workspace.saveProgress()
        return true
    }
}

import Course
import Foundation
import Terminal

/// Performing a lesson's steps for the learner (`ecslab do`, the tutor's
/// `do` and `prepare`): each `aws` command shown before it runs, steps
/// whose checks already pass left alone, progress saved after each step.
public struct StepPerformer: Sendable {
    /// Create what costs money without asking, and answer quizzes.
    public var yes: Bool
    public var dryRun: Bool
    public var overrides: [String: String]
    /// Asks before a call that costs money; nil where nobody can answer.
    public var askCost: (@Sendable (String) -> Bool)?
    /// Build on the learner's own resource of the lesson's name, when it
    /// matches, instead of stopping.
    public var useExisting: Bool

    public init(
        yes: Bool = false, dryRun: Bool = false, overrides: [String: String] = [:], useExisting: Bool = false,
        askCost: (@Sendable (String) -> Bool)? = nil
    ) {
        self.yes = yes
        self.dryRun = dryRun
        self.overrides = overrides
        self.useExisting = useExisting
        self.askCost = askCost
    }

    /// `target` after the earlier lessons it builds on, when `withRequirements`;
    /// without it, a lesson whose requirements are missing is refused with
    /// the way to have them done. True when every step ended done.
    public func perform(_ target: String, withRequirements: Bool, in workspace: inout Workspace) async throws -> Bool {
        let lesson = try workspace.lesson(String(target.split(separator: "/").first ?? ""))
        let missing = LessonRequirements.missing(for: lesson, in: workspace.content, progress: workspace.progress)
        if !missing.isEmpty, !dryRun {
            guard withRequirements else {
                throw CommandFailure.usage(TutorText.doNeedsLessons(workspace.language, [
                    "lesson": lesson.id, "target": target, "lessons": missing.map(\.lesson.id).joined(separator: ", "),
                ]))
            }
            let earlier = StepPerformer(yes: yes, askCost: askCost)
            for required in missing {
                guard try await earlier.perform(required.lesson.id, in: &workspace) else { return false }
            }
        }
        return try await perform(target, in: &workspace)
    }

    /// Performs the steps named by `target` (`LESSON` or `LESSON/STEP`); true
    /// when they all ended done.
    public func perform(_ target: String, in workspace: inout Workspace) async throws -> Bool {
        let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
        let lesson = try workspace.lesson(parts.first ?? "")
        let steps = parts.count == 2 ? [try workspace.step(parts[1], of: lesson)] : lesson.steps
        if !dryRun { _ = try await workspace.reconciler(overrides: overrides).reconcileAll() }
        let narrator = StepNarrator(console: workspace.console, language: workspace.language, style: .forStandardOutput())
        var runner = workspace.stepRunner()
        runner.useExisting = useExisting
        var scope = workspace.scope(for: lesson, overrides: overrides)
        var allDone = true
        for step in steps {
            narrator.heading(lesson, step)
            if let quiz = step.quiz {
                allDone = try answer(quiz, step: step, lesson: lesson, workspace: &workspace, narrator: narrator) && allDone
                continue
            }
            let language = workspace.language
            let (yes, askCost) = (self.yes, self.askCost)
            runner.checks.recordedPasses = workspace.progress.recordedPasses
            let outcome = try await runner.perform(
                step, of: lesson, content: workspace.content, scope: &scope, progress: &workspace.progress, dryRun: dryRun,
                confirm: { call in
                    if yes { return true }
                    guard let askCost, case .hourly(let usd) = call.cost else { return false }
                    return askCost(TutorText.costlyCallAsk(language, ["operation": call.operation.description, "usd": "\(usd)"]))
                }, observe: narrator.observer)
            if outcome == .declined, askCost == nil {
                throw CommandFailure.usage(TutorText.costlyNeedsYes(language))
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

    /// The tutor answers a quiz only when told to (`yes`); otherwise it
    /// shows the question and leaves the answer to the learner in the tutor.
    private func answer(_ quiz: Quiz, step: Step, lesson: Lesson, workspace: inout Workspace, narrator: StepNarrator) throws -> Bool {
        let key = "\(lesson.id)/\(step.id)"
        if workspace.progress.quizAnswers[key] == quiz.answer {
            narrator.say(.quizAlreadyRight)
            return true
        }
        narrator.show(quiz)
        guard yes, !dryRun else { return false }
        workspace.progress.quizAnswers[key] = quiz.answer
        workspace.progress.complete(lesson: lesson.id, step: step.id)
        narrator.say(.quizAnsweredForYou, ["answer": String(quiz.answer + 1), "explanation": quiz.explanation[workspace.language]])
        try workspace.saveProgress()
        return true
    }
}

import Course
import Foundation
import Terminal

/// Doing the work: performing a step, checking it, hints and quizzes.
extension TutorSession {
    /// `do --use-existing`: what the learner made by hand under the lesson's
    /// name is built on rather than refused.
    static let useExistingWord = "--use-existing"

    func doStep(_ id: String?, useExisting: Bool = false) async throws {
        let lesson = try requireLesson()
        let step = try step(named: id, in: lesson)
        // `do STEP` goes there, so that a stopped run is resumed by `do` alone.
        if id != nil { try moveTo(lesson: lesson, step: step) }
        // Only what is still to be made: after a Ctrl-C, what runs already was agreed to.
        let hourly = try hourlyCostToMake([step], of: lesson)
        if hourly > 0, !confirm(TutorText.costlyStepAsk(language, ["usd": String(format: "%.3f", hourly)]), defaultYes: false) {
            console.out(TutorText.costlyStepDeclined(language))
            return
        }
        let done = try await perform(["\(lesson.id)/\(step.id)"], yes: hourly > 0, useExisting: useExisting)
        if done, step.quiz == nil {
            console.out(style.dim(TutorText.typeNext(language)))
        }
    }

    /// `prepare`: the tutor does the earlier lessons the current one builds
    /// on (answering their quizzes too), asking once before it starts.
    func prepare() async throws {
        let lesson = try requireLesson()
        let missing = LessonRequirements.missing(for: lesson, in: workspace.content, progress: workspace.progress).map(\.lesson)
        guard !missing.isEmpty else {
            say(.prepareNothing, ["lesson": lesson.id])
            return
        }
        let hourly = try missing.reduce(0.0) { $0 + (try hourlyCostToMake($1.steps, of: $1)) }
        let names = missing.map(\.id).joined(separator: ", ")
        let question = hourly > 0
            ? TutorText.prepareAskCostly(language, ["lessons": names, "usd": String(format: "%.3f", hourly)])
            : TutorText.prepareAsk(language, ["lessons": names])
        guard confirm(question, defaultYes: hourly == 0) else {
            console.out(TutorText.costlyStepDeclined(language))
            return
        }
        let place = (workspace.progress.currentLesson, workspace.progress.currentStep)
        let done = try await perform(missing.map(\.id), yes: true)
        // Doing the earlier lessons moved the learner's place; it goes back.
        (workspace.progress.currentLesson, workspace.progress.currentStep) = place
        try workspace.saveProgress()
        if done { say(.prepareDone, ["lesson": lesson.id]) }
    }

    /// The hourly cost of what `steps` would still create.
    func hourlyCostToMake(_ steps: [Step], of lesson: Lesson) throws -> Double {
        let runner = workspace.stepRunner()
        return try steps.flatMap { try runner.callsToMake($0, of: lesson) }.reduce(0.0) { $0 + $1.cost.usdPerHour }
    }

    /// Performs each target (`LESSON` or `LESSON/STEP`) in turn, as `ecslab do`
    /// does, until one does not end done; Ctrl-C stops it. True when all ended done.
    func perform(_ targets: [String], yes: Bool, useExisting: Bool = false) async throws -> Bool {
        let snapshot = waitingWorkspace
        let performer = StepPerformer(yes: yes, useExisting: useExisting)
        do {
            let (done, updated) = try await interruption.run {
                var copy = snapshot
                var done = true
                for target in targets where done {
                    done = try await performer.perform(target, in: &copy)
                }
                return (done, copy.progress)
            }
            workspace.progress = updated
            return done
        } catch {
            // A run stopped half-way (Ctrl-C, an error) has saved what it did
            // so far; the tutor's copy must not overwrite that later.
            if let saved = try? workspace.progressStore.load() { workspace.progress = saved }
            throw error
        }
    }

    /// The checks `check` runs: the current step's, a whole lesson's
    /// (`check LESSON`), or the current lesson's (`check all`).
    func checksToRun(_ argument: String?) throws -> (Lesson, [Check], wholeLesson: Bool) {
        let content = workspace.content
        if let argument {
            let lesson = argument == "all" ? try requireLesson() : try lesson(named: argument)
            return (lesson, content.gradedChecks(of: lesson.id), true)
        }
        let lesson = try requireLesson()
        let step = try step(named: nil, in: lesson)
        return (lesson, stepChecks(step, of: lesson), false)
    }

    func stepChecks(_ step: Step, of lesson: Lesson) -> [Check] {
        if step.quiz != nil {
            return workspace.content.gradedChecks(of: lesson.id).filter {
                if case .quiz(_, let quizStep) = $0.source { return quizStep == step.id }
                return false
            }
        }
        return step.checks.compactMap { workspace.content.check($0) }
    }

    func check(_ argument: String?) async throws {
        let (lesson, checks, wholeLesson) = try checksToRun(argument)
        guard !checks.isEmpty else {
            say(.noCheckForStep)
            return
        }
        let runner = waitingWorkspace.checkRunner()
        let scope = workspace.scope(for: lesson, overrides: [:])
        let all = workspace.content.checks
        let indicator = self.indicator
        let language = self.language
        let results = try await interruption.run {
            await runner.run(checks, all: all, scope: scope) { event in
                switch event {
                case .waiting(let check, _):
                    let title = check.title[language]
                    indicator.begin(title, words: WaitingAccount.words(title, language), hint: TutorText.waitingHint(language))
                case .finished: indicator.end()
                case .started: break
                }
            }
        }
        indicator.end()
        console.out(TextReport(language: language, colors: style.colors).render(results))
        if !wholeLesson, let step = currentStep, results.allSatisfy({ $0.status == .passed }) {
            workspace.progress.complete(lesson: lesson.id, step: step.id)
            try workspace.saveProgress()
        }
        let failed = results.filter { $0.status == .failed }.map(\.check)
        if !failed.isEmpty {
            for found in await WrongPlaceSearch(workspace: workspace).search(failed, lesson: lesson) {
                console.out(style.yellow(TutorText.wrongPlace(language, ["check": found.check, "region": found.region, "current": workspace.aws.region])))
            }
        }
        // The network and the clusters are easier seen than read.
        if let subject = AccountDrawing.Subject.drawing(lesson: lesson.id) {
            say(.drawOffer, ["subject": subject.rawValue])
        }
    }

    /// `script [LESSON] [--undo]`: the lesson as a bash script in the current
    /// folder, with the names the learner set, to keep and run at home.
    func saveScript(_ arguments: [String]) throws {
        let undo = arguments.contains("--undo")
        guard let lessonID = arguments.first(where: { $0 != "--undo" }) ?? currentLesson?.id else { return say(.scriptUsage) }
        let text = try LessonScriptExport.text(
            lessonID, shell: .bash, undo: undo, overrides: workspace.progress.names, options: workspace.options, console: console)
        let file = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("ecslab-\(lessonID)\(undo ? "-undo" : "").sh")
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw CommandFailure.usage(TutorText.scriptNotSaved(language, ["file": file.path, "reason": StateFileProblem(error).reason]))
        }
        say(.scriptSaved, ["file": file.path, "name": file.lastPathComponent])
    }

    /// `draw network|cluster`: the default is the current lesson's.
    func draw(_ argument: String?) async throws {
        let named = argument ?? currentLesson.flatMap { AccountDrawing.Subject.drawing(lesson: $0.id)?.rawValue }
        guard let named, let subject = AccountDrawing.Subject(rawValue: named) else { return say(.drawUsage) }
        let (glyphs, _) = AccountDrawing.style(ascii: false)
        let (workspace, colors) = (self.workspace, style.colors)
        let drawn = try await interruption.run {
            try await AccountDrawing.draw(subject, in: workspace, glyphs: glyphs, colors: colors)
        }
        console.write(drawn.text)
    }

    /// The next tier of hint for the first of the step's checks that has one
    /// left; every tier shown is recorded in the learner's progress.
    func hint() throws {
        let lesson = try requireLesson()
        let step = try step(named: nil, in: lesson)
        let checks = stepChecks(step, of: lesson).filter { !$0.hints.isEmpty }
        guard let first = checks.first else {
            say(.noHints)
            return
        }
        let check = checks.first { (workspace.progress.hintsUsed[$0.id] ?? 0) < $0.hints.count } ?? first
        let used = workspace.progress.hintsUsed[check.id] ?? 0
        let tier = min(used, check.hints.count - 1)
        let hint = readable(in: lesson)(check.hints[tier])
        say(.hintTier, ["tier": String(tier + 1), "tiers": String(check.hints.count), "check": check.id, "hint": hint])
        if used >= check.hints.count, !check.docs.isEmpty {
            say(.hintsExhausted, ["docs": check.docs])
        }
        workspace.progress.hintsUsed[check.id] = used + 1
        try workspace.saveProgress()
    }

    func quiz(_ choice: String?) throws {
        let lesson = try requireLesson()
        let step = try step(named: nil, in: lesson)
        guard let quiz = step.quiz else {
            say(.notQuiz)
            return
        }
        var answer = choice
        if answer == nil {
            console.out(quiz.question[language])
            for (number, text) in quiz.choices.enumerated() { console.out("  \(number + 1). \(text[language])") }
            if case .line(let line) = reader.ask(TutorText.quizAnswerPrompt(language, ["count": String(quiz.choices.count)])) {
                answer = line.trimmingCharacters(in: .whitespaces)
            }
        }
        guard let number = answer.flatMap(Int.init), quiz.choices.indices.contains(number - 1) else {
            say(.quizBadChoice, ["count": String(quiz.choices.count)])
            return
        }
        workspace.progress.quizAnswers["\(lesson.id)/\(step.id)"] = number - 1
        if number - 1 == quiz.answer {
            workspace.progress.complete(lesson: lesson.id, step: step.id)
            console.out(style.green(TutorText.quizRight(language, ["explanation": quiz.explanation[language]])))
        } else {
            console.out(style.red(TutorText.quizWrong(language)))
        }
        try workspace.saveProgress()
    }
}

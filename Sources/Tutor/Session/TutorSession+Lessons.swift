import Course
import Foundation
import Terminal

/// Finding one's way: help, the lessons, and moving between steps.
extension TutorSession {
    func help(_ name: String?) {
        if let name, let command = TutorCommandName(word: name) {
            console.out("\(command.usage)  —  \(command.help[language])")
            return
        }
        say(.helpIntro)
        let width = TutorCommandName.allCases.map(\.usage.count).max() ?? 0
        for command in TutorCommandName.allCases {
            console.out("  " + command.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + command.help[language])
        }
        say(.helpMore)
    }

    func listLessons() {
        for lesson in workspace.content.lessons {
            say(.lessonLine, [
                "order": String(lesson.order), "lesson": lesson.id, "title": lesson.title[language],
                "done": String(workspace.progress.completed[lesson.id]?.count ?? 0), "steps": String(lesson.steps.count),
            ])
        }
    }

    func lesson(named id: String) throws -> Lesson {
        try workspace.lesson(id)
    }

    func requireLesson() throws -> Lesson {
        guard let lesson = currentLesson else {
            throw CommandFailure.usage(TutorText.noLesson(language, ["example": workspace.content.lessons.first?.id ?? "feature"]))
        }
        return lesson
    }

    func step(named id: String?, in lesson: Lesson) throws -> Step {
        guard let id else {
            guard let step = currentStep ?? lesson.steps.first else { throw CommandFailure.usage(TutorText.noLesson(language, ["example": lesson.id])) }
            return step
        }
        return try workspace.step(id, of: lesson)
    }

    func start(_ id: String?) throws {
        guard let id else {
            throw CommandFailure.usage(TutorText.helpUsage(language, ["usage": TutorCommandName.start.usage]))
        }
        let lesson = try lesson(named: id)
        let firstOpen = lesson.steps.first { !workspace.progress.isCompleted(lesson: lesson.id, step: $0.id) } ?? lesson.steps.first
        try moveTo(lesson: lesson, step: firstOpen)
        say(.started, ["lesson": lesson.id, "title": lesson.title[language]])
        console.out(readable(in: lesson)(lesson.summary))
        if let cost = lesson.cost { console.out(style.yellow(TutorText.lessonCost(language, ["note": readable(in: lesson)(cost.note)]))) }
        let missing = LessonRequirements.missing(for: lesson, in: workspace.content, progress: workspace.progress).map(\.lesson.id)
        if let first = missing.first {
            console.out(style.yellow(TutorText.needsLessons(language, ["lessons": missing.joined(separator: ", "), "first": first, "lesson": lesson.id])))
        }
        console.out("")
        try show(nil)
    }

    func moveTo(lesson: Lesson, step: Step?) throws {
        workspace.progress.currentLesson = lesson.id
        workspace.progress.currentStep = step?.id
        try workspace.saveProgress()
    }

    func show(_ id: String?) throws {
        let lesson = try requireLesson()
        let step = try step(named: id, in: lesson)
        if id != nil { try moveTo(lesson: lesson, step: step) }
        let index = (lesson.steps.firstIndex { $0.id == step.id } ?? 0) + 1
        let done = workspace.progress.isCompleted(lesson: lesson.id, step: step.id) ? " ✓" : ""
        let scope = workspace.scope(for: lesson, overrides: [:])
        let readable = readable(in: lesson)
        console.out(style.bold("== \(lesson.id)/\(step.id) (\(index)/\(lesson.steps.count)): \(readable(step.title)) ==") + done)
        console.out(readable(step.explanation))
        if let console = step.console {
            self.console.out(style.dim(TutorText.inTheConsole(language, ["how": readable(console)])))
        }
        // The aws commands themselves, with the learner's values where known.
        for call in step.calls {
            var cost = ""
            if case .hourly(let usd) = call.cost { cost = "  (\(TutorPrompt.cost(usd))/h)" }
            console.out("  $ " + workspace.account.cliCommand(call.operation, input: scope.resolveForDisplay(call.parameters)) + cost)
        }
        if let quiz = step.quiz {
            console.out(quiz.question[language])
            for (number, choice) in quiz.choices.enumerated() { console.out("  \(number + 1). \(choice[language])") }
        }
        console.out(style.dim((step.quiz == nil ? TutorText.showNextDo : .showNextQuiz)(language)))
    }

    /// A lesson's texts as the learner reads them: their own values filled
    /// in and, in the sandbox, the loopback address a browser here can open
    /// in place of a simulated task's public IP. The scope and the simulated
    /// tasks are read once for all the texts of one command.
    func readable(in lesson: Lesson) -> (LocalizedText) -> String {
        let scope = workspace.scope(for: lesson, overrides: [:])
        let tasks = workspace.sandbox?.taskSimulator(notices: .silent).store.load() ?? []
        let language = self.language
        return { text in
            var line = scope.fill(text)[language]
            for task in tasks {
                guard let ip = task.publicIp, let port = task.loopbackPort, line.contains(ip) else { continue }
                line += "\n" + TutorText.sandboxLoopback(language, ["ip": ip, "url": "http://127.0.0.1:\(port)/"])
            }
            return line
        }
    }

    func move(by offset: Int) throws {
        let lesson = try requireLesson()
        let index = lesson.steps.firstIndex { $0.id == currentStep?.id } ?? 0
        if offset > 0, lesson.steps[index].isReading {
            workspace.progress.complete(lesson: lesson.id, step: lesson.steps[index].id)
        }
        let target = index + offset
        guard lesson.steps.indices.contains(target) else {
            try workspace.saveProgress()
            say(offset > 0 ? .lastStep : .firstStep)
            return
        }
        try moveTo(lesson: lesson, step: lesson.steps[target])
        try show(nil)
    }
}

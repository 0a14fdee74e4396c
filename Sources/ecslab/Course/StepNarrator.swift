import Course
import Foundation
import JSON

/// Tells the learner what a step run is doing, in their language: each
/// `aws` command before it runs, what was saved, waits, and the checks after.
struct StepNarrator: Sendable {
    let language: Language
    let colors: Bool

    func say(_ zh: String, _ en: String) {
        Console.out(language == .zh ? zh : en)
    }

    func heading(_ lesson: Lesson, _ step: Step) {
        let title = "== \(lesson.id)/\(step.id): \(step.title[language]) =="
        Console.out(colors ? "\u{1B}[1m\(title)\u{1B}[0m" : title)
    }

    var observer: @Sendable (StepRunner.Event) -> Void {
        { event in self.narrate(event) }
    }

    func narrate(_ event: StepRunner.Event) {
        switch event {
        case .alreadyDone:
            say("这一步已经完成（检查全部通过），不再重复。", "Already done (its checks pass); nothing to do.")
        case .calling(_, let cli):
            Console.out("$ \(cli)")
        case .wouldCall(_, let cli):
            say("（演练）将运行：\(cli)", "(dry run) would run: \(cli)")
        case .reused(let call):
            say("\(call.operation) 之前已经做过，沿用它的结果。", "\(call.operation) was done before; reusing its result.")
        case .called(_, let saved):
            for (name, value) in saved {
                say("  已保存 \(name) = \(ComparisonValue.show(value))", "  saved \(name) = \(ComparisonValue.show(value))")
            }
        case .waiting(let progress):
            say(
                "  等待 \(progress.awaited)（第 \(progress.attempt)/\(progress.maxAttempts) 次，已 \(Int(progress.elapsedSeconds)) 秒）",
                "  waiting for \(progress.awaited) (try \(progress.attempt)/\(progress.maxAttempts), \(Int(progress.elapsedSeconds))s)")
        case .declined(let call):
            say("已取消：没有运行 \(call.operation)。", "Cancelled: \(call.operation) was not run.")
        case .checked(let results):
            Console.out(TextReport(language: language, colors: colors).render(results))
        }
    }
}

/// Values as the tutor shows them: strings bare, everything else as JSON.
enum ComparisonValue {
    static func show(_ value: JSON) -> String {
        value.stringValue ?? value.text
    }
}

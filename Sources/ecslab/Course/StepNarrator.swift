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
        case .copied(let folder, let files):
            say("已在 \(folder) 建立应用（新写入 \(files.count) 个文件，已有的文件保持不变）。", "Laid out the app in \(folder) (\(files.count) new files; files already there were kept).")
        case .started(let command, let port, let pid):
            say("已在本机启动 `\(command)`（进程 \(pid)），监听端口 \(port)；清理时会停止它。", "Started `\(command)` on this machine (process \(pid)), listening on port \(port); cleanup stops it.")
        case .prepareFailed(let command, let problem):
            say("`\(command)` 没有成功（\(problem)），仍然尝试启动。", "`\(command)` did not succeed (\(problem)); starting anyway.")
        case .missingTool(_, let reason):
            Console.out(reason[language])
        case .deletedOnPurpose(let step):
            say("\(step.id) 创建的资源已经按课程要求删除，不再重新创建。", "What \(step.id) created was deleted on purpose by the lesson; not made again.")
        case .tearingDown(let event):
            narrate(event)
        case .tornDown(let report):
            summarize(report)
        }
    }

    func narrate(_ event: Teardown.Event) {
        switch event {
        case .deleting(_, let cli): Console.out("$ \(cli)")
        case .wouldDelete(let entry, let cli):
            say("（演练）将删除 \(entry.operation) 创建的资源：\(cli)", "(dry run) would delete what \(entry.operation) made: \(cli)")
        case .deleted: break
        case .alreadyGone(let entry): say("  \(entry.operation) 创建的资源已经不存在。", "  what \(entry.operation) made is already gone.")
        case .retrying(_, let code, let delay):
            say("  仍在使用中（\(code)），\(Int(delay)) 秒后重试。", "  still in use (\(code)); trying again in \(Int(delay))s.")
        case .waiting(let progress): say("  等待 \(progress.awaited)……", "  waiting for \(progress.awaited)...")
        case .orphan(let entry):
            let arns = entry.fields["arns"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "?"
            say("  \(entry.operation) 创建的资源无法自动删除，请手动删除：\(arns)", "  cannot delete what \(entry.operation) made by itself; delete it by hand: \(arns)")
        case .failed(let entry, let reason):
            say("  删除 \(entry.operation) 创建的资源失败：\(reason)", "  could not delete what \(entry.operation) made: \(reason)")
        }
    }

    /// What was deleted, the hourly cost saved, and the proof.
    func summarize(_ report: Teardown.Report) {
        let saved = String(format: "%.3f", report.usdPerHourSaved)
        say("已删除 \(report.deleted.count) 个资源，每小时节省约 \(saved) 美元。", "Deleted \(report.deleted.count) resources, saving about $\(saved) an hour.")
        for entry in report.deleted {
            say("  - \(entry.operation)（\(entry.step)）", "  - \(entry.operation) (\(entry.step))")
        }
        if report.remaining.isEmpty, report.isClean {
            if report.searchedEverything {
                say("已确认：没有留下带本课程标签的资源。", "Confirmed: nothing carrying the course tags is left.")
            } else if !report.deleted.isEmpty {
                say("已确认：删除的资源都已不存在。", "Confirmed: everything deleted is gone.")
            }
        }
        for arn in report.remaining {
            say("  仍然存在：\(arn)", "  still there: \(arn)")
        }
    }
}

/// Values as the tutor shows them: strings bare, everything else as JSON.
enum ComparisonValue {
    static func show(_ value: JSON) -> String {
        value.stringValue ?? value.text
    }
}

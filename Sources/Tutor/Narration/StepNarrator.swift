import Course
import Foundation
import JSON
import Terminal

/// Tells the learner what a step run or a teardown is doing, in their
/// language: each `aws` command before it runs, what was saved, waits, and
/// the checks after.
public struct StepNarrator: Sendable {
    public let console: Console
    public let language: Language
    public let style: TerminalStyle

    public init(console: Console, language: Language, style: TerminalStyle) {
        self.console = console
        self.language = language
        self.style = style
    }

    func say(_ text: TutorText, _ fields: [String: String] = [:]) {
        console.out(text(language, fields))
    }

    func heading(_ lesson: Lesson, _ step: Step) {
        console.out(style.bold("== \(lesson.id)/\(step.id): \(step.title[language]) =="))
    }

    func show(_ quiz: Quiz) {
        console.out(quiz.question[language])
        for (index, choice) in quiz.choices.enumerated() {
            console.out("  \(index + 1). \(choice[language])")
        }
    }

    var observer: @Sendable (StepRunner.Event) -> Void {
        { event in self.narrate(event) }
    }

    func narrate(_ event: StepRunner.Event) {
        switch event {
        case .alreadyDone:
            say(.stepAlreadyDone)
        case .calling(_, let cli):
            console.out("$ \(cli)")
        case .wouldCall(_, let cli):
            say(.dryRunCall, ["command": cli])
        case .reused(let call):
            say(.callReused, ["operation": call.operation.description])
        case .usedExisting(let call, let found):
            say(.callUsedExisting, ["operation": call.operation.description, "found": found[language]])
        case .recovered(let call):
            say(.callRecovered, ["operation": call.operation.description])
        case .called(_, let saved):
            for (name, value) in saved {
                say(.valueSaved, ["name": name, "value": value.stringValue ?? value.text])
            }
        case .waiting(let progress):
            say(.stepWaiting, [
                "awaited": progress.awaited, "attempt": String(progress.attempt), "attempts": String(progress.maxAttempts),
                "seconds": String(Int(progress.elapsedSeconds)),
            ])
        case .declined(let call):
            say(.callDeclined, ["operation": call.operation.description])
        case .checked(let results):
            console.out(TextReport(language: language, colors: style.colors).render(results))
        case .copied(let folder, let files):
            say(.appLaidOut, ["folder": folder, "count": String(files.count)])
        case .started(let command, let port, let pid):
            say(.appStarted, ["command": command, "port": String(port), "pid": String(pid)])
        case .prepareFailed(let command, let problem):
            say(.appPrepareFailed, ["command": command, "problem": problem])
        case .missingTool(_, let reason):
            console.out(reason[language])
        case .deletedOnPurpose(let step):
            say(.deletedOnPurpose, ["step": step.id])
        case .tearingDown(let event):
            narrate(event)
        case .tornDown(let report):
            summarize(report)
        case .timerSet(let armed):
            for stop in armed {
                say(.timerSet, ["what": stop.what[language], "utc": StepNarrator.time(stop.at, zone: TimeZone(identifier: "UTC")), "local": StepNarrator.time(stop.at, zone: .current)])
            }
        case .timerNotSet(let reason):
            say(.timerNotSet, ["reason": reason])
        }
    }

    /// `2026-12-03 01:15` in `zone`.
    static func time(_ date: Date, zone: TimeZone?) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone ?? .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    func narrate(_ event: Teardown.Event) {
        switch event {
        case .deleting(_, let cli): console.out("$ \(cli)")
        case .wouldDelete(let entry, let cli): say(.dryRunDelete, ["operation": entry.operation, "command": cli])
        case .deleted: break
        case .alreadyGone(let entry): say(.alreadyGone, ["operation": entry.operation])
        case .retrying(_, let code, let delay): say(.stillInUse, ["code": code, "seconds": String(Int(delay))])
        case .waiting(let progress): say(.teardownWaiting, ["awaited": progress.awaited])
        case .orphan(let entry):
            let arns = entry.fields["arns"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "?"
            say(.cannotDelete, ["operation": entry.operation, "arns": arns])
        case .failed(let entry, let reason): say(.deleteFailed, ["operation": entry.operation, "reason": reason])
        }
    }

    /// What was deleted, the hourly cost saved, and the proof.
    func summarize(_ report: Teardown.Report) {
        say(.deletedSummary, ["count": String(report.deleted.count), "usd": String(format: "%.3f", report.usdPerHourSaved)])
        for entry in report.deleted {
            say(.deletedEntry, ["operation": entry.operation, "step": entry.step])
        }
        if report.remaining.isEmpty, report.isClean {
            if report.searchedEverything {
                say(.confirmedNothingTagged)
            } else if !report.deleted.isEmpty {
                say(.confirmedDeletedGone)
            }
        }
        for arn in report.remaining {
            say(.stillThere, ["arn": arn])
        }
    }
}

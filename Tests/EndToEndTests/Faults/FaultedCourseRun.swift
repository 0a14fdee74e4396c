import Foundation
import TestSupport

/// One learner's course through the fault proxy: each lesson's `do` and
/// `check`, then `cleanup all`, every command through the same proxy with
/// its faults on, then the inventory straight against moto. Without
/// settings there is no proxy: the same commands fault-free, the baseline
/// a by-hand run compares with.
struct FaultedCourseRun: Sendable {
    struct Lesson: Sendable {
        var id: String
        var perform: FaultedCommand
        var check: FaultedCommand
        var report: GradeReport?

        var marks: String { report.map { "\(Self.number($0.score))/\($0.possible)" } ?? "no report" }

        /// The checks that did not pass, one a line, for a failure message.
        var notPassed: String {
            guard let report else { return check.story }
            return report.checks.filter { $0.status != "passed" && $0.status != "not-applicable" }
                .map { "  \($0.id): \($0.status): \($0.said.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n")
        }

        static func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    var label: String
    var settings: FaultProxy.Settings?
    var lessons: [Lesson] = []
    var cleanup: FaultedCommand?
    /// What carried the course tag once the lessons were done, before cleanup.
    var built: [Inventory.Resource] = []
    var left: [Inventory.Resource] = []
    var seconds: Double = 0
    /// The run could not be carried out (a server, a builder, a timeout).
    var error: String?

    /// Runs `lessons` as a fresh learner on `server`; never throws, so that
    /// a run on a thread of its own always comes back to be judged.
    static func run(
        _ label: String, lessons: [String], settings: FaultProxy.Settings?, server: OwnMotoServer, timeout: TimeInterval
    ) -> FaultedCourseRun {
        var run = FaultedCourseRun(label: label, settings: settings)
        let started = Date()
        do {
            let account = try LearnerAccount.make(on: server.url)
            defer { account.remove() }
            let proxy = try settings.map { try FaultProxy(upstream: account.endpoint, settings: $0, python: account.python, folder: account.folder) }
            defer { proxy?.stop() }
            let endpoint = proxy?.url ?? account.endpoint
            for lesson in lessons {
                let perform = try FaultedCommand.run(FaultedLessons.doArguments(lesson), as: account, endpoint: endpoint, proxy: proxy, timeout: timeout)
                let check = try FaultedCommand.run(["check", lesson, "--format", "json"], as: account, endpoint: endpoint, proxy: proxy, timeout: timeout)
                let report = try? JSONDecoder().decode(GradeReport.self, from: Data(check.outcome.standardOutput.utf8))
                run.lessons.append(Lesson(id: lesson, perform: perform, check: check, report: report))
            }
            run.built = try account.inventory().resources
            run.cleanup = try FaultedCommand.run(["cleanup", "all", "--yes"], as: account, endpoint: endpoint, proxy: proxy, timeout: timeout)
            proxy?.stop()
            run.left = try account.inventory().resources
        } catch {
            run.error = "\(error)"
        }
        run.seconds = Date().timeIntervalSince(started)
        return run
    }

    /// Resources made twice: two of one kind under one name (a create
    /// retried after AWS had made it, with nothing to tell the two apart).
    var doubled: [[Inventory.Resource]] {
        Dictionary(grouping: built) { [$0.region, $0.service, $0.type, $0.tags["Name"] ?? $0.id] }.values
            .filter { $0.count > 1 }.sorted { $0[0].line < $1[0].line }
    }

    var commands: [FaultedCommand] { lessons.flatMap { [$0.perform, $0.check] } + (cleanup.map { [$0] } ?? []) }

    /// Every fault of the run, all commands together.
    var faults: FaultLog {
        FaultLog(calls: commands.reduce(0) { $0 + $1.faults.calls }, faults: commands.flatMap(\.faults.faults))
    }

    /// One line for the record:
    /// `faults 10% (seed 1): do 280 calls, 30 faults (500 4, ...; 5 after moto made a change), 33 retries, 2 looked into; check ...; cleanup ...; marks 11/11; left 0; 52 s`.
    var summary: String {
        var parts = [
            Self.tally("do", lessons.map(\.perform)), Self.tally("check", lessons.map(\.check)),
            Self.tally("cleanup", cleanup.map { [$0] } ?? []),
        ]
        parts.append("marks " + lessons.map { lessons.count > 1 ? "\($0.id) \($0.marks)" : $0.marks }.joined(separator: ", "))
        parts.append("left \(left.count)")
        let seed = settings.map { " (seed \($0.seed)\($0.places.map { ", \($0) only" } ?? ""))" } ?? ""
        return "faults \(label)\(seed): " + parts.joined(separator: "; ") + "; \(Int(seconds.rounded())) s" + (error.map { "; error: \($0)" } ?? "")
    }

    private static func tally(_ name: String, _ commands: [FaultedCommand]) -> String {
        let faults = FaultLog(calls: 0, faults: commands.flatMap(\.faults.faults))
        let afterChange = faults.faults.filter(\.brokeAMadeChange).count
        let kinds = faults.faults.isEmpty ? "" : " (\(faults.byKind); \(afterChange) after moto made a change)"
        let calls = commands.reduce(0) { $0 + $1.calls }, retries = commands.reduce(0) { $0 + $1.retries }
        let lookedInto = commands.reduce(0) { $0 + $1.lookedInto }
        let seconds = commands.reduce(0) { $0 + $1.seconds }
        return "\(name) \(calls) calls, \(faults.faults.count) faults\(kinds), \(retries) retries, \(lookedInto) looked into, \(Int(seconds.rounded())) s"
    }
}

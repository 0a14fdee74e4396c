import ArgumentParser
import Course
import Foundation

/// `ecslab selftest [LESSON]`: proves lessons work end to end against a
/// fresh account (a moto server): every check fails before anything is
/// done, full marks after `do --yes`, a second `do` changes nothing, and
/// cleanup leaves nothing tagged. Its ledger and progress are its own.
struct SelftestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest", abstract: "Prove that lessons work end to end against a fresh local AWS.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "One lesson; every lesson by default.")
    var lesson: String?

    /// What one lesson's run showed.
    struct LessonRun {
        var lesson: String
        var steps: Int
        var checks: Int
        var apiCalls: Int
        var failures: [String]
    }

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-selftest-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: state) }
            var workspace = try await CourseWorkspace.open(options, state: StateDirectory(url: state))
            let targets = try lesson.map { [try workspace.lesson($0)] } ?? workspace.content.lessons
            let needed = SelftestCommand.withRequirements(targets, in: workspace.content)
            var runs: [LessonRun] = []
            do {
                for current in needed {
                    runs.append(
                        try await SelftestCommand.prove(current, in: &workspace, graded: targets.contains { $0.id == current.id }, scratch: state))
                }
            } catch {
                // Whatever happened, nothing it made is left behind.
                _ = try? await CleanupCommand.tearDown(lesson: nil, in: workspace, dryRun: false)
                throw error
            }
            for run in runs.reversed() {
                let counter = CountingAccount(workspace.account)
                let report = try await CleanupCommand.tearDown(lesson: run.lesson, in: workspace, dryRun: false, account: counter)
                if let index = runs.firstIndex(where: { $0.lesson == run.lesson }) {
                    runs[index].apiCalls += counter.total
                    if !report.isClean {
                        runs[index].failures.append("cleanup left \(report.remaining.count + report.failed.count + report.orphans.count) resources")
                    }
                }
            }
            Console.out("")
            for run in runs where targets.contains(where: { $0.id == run.lesson }) {
                let verdict = run.failures.isEmpty ? "passed" : "FAILED: " + run.failures.joined(separator: "; ")
                Console.out("selftest \(run.lesson): \(run.steps) steps, \(run.checks) checks, \(run.apiCalls) API calls: \(verdict)")
            }
            let graded = runs.filter { run in targets.contains { $0.id == run.lesson } }
            let failed = graded.filter { !$0.failures.isEmpty }
            Console.out("selftest: \(graded.count - failed.count) passed, \(failed.count) failed")
            if !failed.isEmpty { throw ExitCode(1) }
        }
    }

    /// The lessons to run, each after the lessons it requires.
    static func withRequirements(_ lessons: [Lesson], in content: CourseContent) -> [Lesson] {
        var ordered: [Lesson] = []
        func visit(_ lesson: Lesson) {
            guard !ordered.contains(where: { $0.id == lesson.id }) else { return }
            for required in lesson.requires { if let other = content.lesson(required) { visit(other) } }
            ordered.append(lesson)
        }
        for lesson in lessons { visit(lesson) }
        return ordered
    }

    /// Variables that name a place in the learner's home (`~/ecslab-web`)
    /// point into a temporary folder instead: selftest never writes there.
    static func privateOverrides(_ lesson: Lesson, scratch: URL) -> [String: String] {
        var overrides: [String: String] = [:]
        for variable in lesson.variables where variable.defaultValue.hasPrefix("~") {
            overrides[variable.name] = scratch.appendingPathComponent(lesson.id).appendingPathComponent(variable.name).path
        }
        return overrides
    }

    static func prove(_ lesson: Lesson, in workspace: inout CourseWorkspace, graded: Bool, scratch: URL) async throws -> LessonRun {
        let overrides = privateOverrides(lesson, scratch: scratch)
        let counter = CountingAccount(workspace.account)
        let checks = workspace.content.gradedChecks(of: lesson.id)
        var run = LessonRun(lesson: lesson.id, steps: lesson.steps.count, checks: checks.count, apiCalls: 0, failures: [])
        Console.out("== selftest \(lesson.id) ==")
        if graded {
            let before = try await CheckCommand.grade(lesson.id, in: workspace, overrides: overrides, account: counter)
            let earned = GradeSummary(before).earned
            if earned > 0 || before.contains(where: { $0.status == .passed }) {
                let passing = before.filter { $0.status == .passed }.map(\.check.id)
                run.failures.append("before anything was done, \(passing.joined(separator: ", ")) already passed")
            }
        }
        let done = try await DoCommand.perform(lesson.id, in: &workspace, yes: true, dryRun: false, overrides: overrides, account: counter)
        if !done { run.failures.append("do --yes did not finish every step") }
        if graded {
            let after = try await CheckCommand.grade(lesson.id, in: workspace, overrides: overrides, account: counter)
            let summary = GradeSummary(after)
            if !summary.allPassed || summary.earned < Double(summary.possible) {
                Console.out(TextReport(language: workspace.language).render(after))
                run.failures.append("after do, \(GradeSummary.points(summary.earned))/\(summary.possible) points")
            }
            let changesBefore = counter.changes
            _ = try await DoCommand.perform(lesson.id, in: &workspace, yes: true, dryRun: false, overrides: overrides, account: counter)
            let changed = Array(counter.changedOperations.dropFirst(changesBefore))
            if !changed.isEmpty {
                run.failures.append("a second do changed things: \(changed.joined(separator: ", "))")
            }
        }
        run.apiCalls = counter.total
        return run
    }
}

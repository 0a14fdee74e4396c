import Course
import Foundation

/// Proves lessons work end to end against a fresh account (a moto server):
/// every check fails before anything is done, full marks after `do --yes`,
/// a second `do` changes nothing, and cleanup leaves nothing tagged. Its
/// ledger and progress are its own, in a scratch state folder.
public struct Selftest: Sendable {
    /// What one lesson's run showed.
    public struct LessonRun: Sendable {
        public var lesson: String
        public var steps: Int
        public var checks: Int
        public var apiCalls: Int
        public var failures: [String]
    }

    /// What the whole run showed: the runs of the lessons asked for.
    public struct Outcome: Sendable {
        public var runs: [LessonRun]
        public var failed: [LessonRun] { runs.filter { !$0.failures.isEmpty } }
    }

    public let scratch: URL

    public init(scratch: URL) {
        self.scratch = scratch
    }

    /// - Parameter lesson: one lesson, or every lesson when nil.
    public func run(_ lesson: String?, in workspace: Workspace) async throws -> Outcome {
        var workspace = workspace
        let console = workspace.console
        let targets = try lesson.map { [try workspace.lesson($0)] } ?? workspace.content.lessons
        if !workspace.hasECSAgent {
            // Said at once, rather than found out after a wait for what cannot happen.
            let needing = Selftest.needingAgent(Selftest.withRequirements(targets, in: workspace.content), in: workspace.content)
            if !needing.isEmpty {
                console.out(
                    "selftest: no ECS agent runs on this endpoint (moto alone), so in \(needing.joined(separator: ", ")) the steps and checks "
                        + "that need one are not applicable; ecslab --sandbox selftest simulates one.")
            }
        }
        var runs: [LessonRun] = []
        do {
            for current in Selftest.withRequirements(targets, in: workspace.content) {
                runs.append(try await prove(current, in: &workspace, graded: targets.contains { $0.id == current.id }))
            }
        } catch {
            // Whatever happened, nothing it made is left behind.
            _ = try? await ResourceCleanup().run(lesson: nil, in: workspace)
            throw error
        }
        for index in runs.indices.reversed() {
            let counter = CountingAccount(workspace.account)
            let lesson = try workspace.lesson(runs[index].lesson)
            let cleanup = ResourceCleanup(removeApp: true, overrides: privateOverrides(lesson))
            let report = try await cleanup.run(lesson: lesson.id, in: workspace.wrappingAccount { _ in counter })
            runs[index].apiCalls += counter.total
            if !report.isClean {
                runs[index].failures.append("cleanup left \(report.report?.left.count ?? 0) resources")
            }
        }
        console.out("")
        let graded = runs.filter { run in targets.contains { $0.id == run.lesson } }
        for run in graded {
            let verdict = run.failures.isEmpty ? "passed" : "FAILED: " + run.failures.joined(separator: "; ")
            console.out("selftest \(run.lesson): \(run.steps) steps, \(run.checks) checks, \(run.apiCalls) API calls: \(verdict)")
        }
        let outcome = Outcome(runs: graded)
        console.out("selftest: \(graded.count - outcome.failed.count) passed, \(outcome.failed.count) failed")
        return outcome
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

    /// The lessons with a step or a check that needs an ECS agent.
    static func needingAgent(_ lessons: [Lesson], in content: CourseContent) -> [String] {
        lessons.filter { lesson in
            lesson.steps.contains { $0.needs.contains("ecs-agent") } || content.checks(of: lesson.id).contains { $0.needs.contains("ecs-agent") }
        }.map(\.id)
    }

    /// Variables that name a place in the learner's home (`~/ecslab-web`)
    /// point into the scratch folder instead: selftest never writes there.
    func privateOverrides(_ lesson: Lesson) -> [String: String] {
        var overrides: [String: String] = [:]
        for variable in lesson.variables where variable.defaultValue.hasPrefix("~") {
            overrides[variable.name] = scratch.appendingPathComponent(lesson.id).appendingPathComponent(variable.name).path
        }
        return overrides
    }

    private func prove(_ lesson: Lesson, in workspace: inout Workspace, graded: Bool) async throws -> LessonRun {
        let overrides = privateOverrides(lesson)
        let counter = CountingAccount(workspace.account)
        var counted = workspace.wrappingAccount { _ in counter }
        let checks = workspace.content.gradedChecks(of: lesson.id)
        var run = LessonRun(lesson: lesson.id, steps: lesson.steps.count, checks: checks.count, apiCalls: 0, failures: [])
        let grader = LessonGrader(overrides: overrides)
        let performer = StepPerformer(yes: true, overrides: overrides)
        workspace.console.out("== selftest \(lesson.id) ==")
        if graded {
            let before = try await grader.grade(lesson.id, in: counted)
            if GradeSummary(before).earned > 0 || before.contains(where: { $0.status == .passed }) {
                let passing = before.filter { $0.status == .passed }.map(\.check.id)
                run.failures.append("before anything was done, \(passing.joined(separator: ", ")) already passed")
            }
        }
        if !(try await performer.perform(lesson.id, in: &counted)) { run.failures.append("do --yes did not finish every step") }
        if graded {
            // What a step this machine cannot do would have made (an image
            // pushed with Docker) is not there to grade: it proves nothing here.
            let tools = counted.tools
            let excused = Set(lesson.steps.filter { $0.needs.contains { !tools.isAvailable($0) } }.flatMap(\.checks))
            let after = try await grader.grade(lesson.id, in: counted).filter { !excused.contains($0.check.id) }
            let summary = GradeSummary(after)
            if !summary.allPassed || summary.earned < Double(summary.possible) {
                workspace.console.out(TextReport(language: workspace.language).render(after))
                run.failures.append("after do, \(GradeSummary.points(summary.earned))/\(summary.possible) points")
            }
            let changesBefore = counter.changes
            _ = try await performer.perform(lesson.id, in: &counted)
            let changed = Array(counter.changedOperations.dropFirst(changesBefore))
            if !changed.isEmpty {
                run.failures.append("a second do changed things: \(changed.joined(separator: ", "))")
            }
        }
        // The progress the run saved is the workspace's from now on.
        workspace.progress = counted.progress
        run.apiCalls = counter.total
        return run
    }
}

import ArgumentParser
import Course
import Foundation
import Terminal
import Tutor

/// `ecslab check LESSON|all`: grades the account, for a learner or an
/// instructor, as text, JSON or JUnit XML. Exit 0 when everything passed.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a lesson (or all of them) against your account, with what is wrong and how to fix it.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @OptionGroup var options: GlobalOptions

    @Argument(help: "A lesson id, all, or one check as LESSON/CHECK.")
    var target: String

    @Option(help: "text, json or junit.")
    var format: Format = .text

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a lesson variable.", valueName: "name=value"))
    var set: [String] = []

    @Option(help: ArgumentHelp("How many independent reads to make at once (1: one after another).", valueName: "n"))
    var readsAtOnce = 8

    @Option(help: ArgumentHelp("Record every call the checks make, a JSON line each (no secrets).", valueName: "file"))
    var trace: String?

    func validate() throws {
        guard readsAtOnce >= 1 else { throw ValidationError("--reads-at-once must be 1 or more.") }
    }

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            var workspaceOptions = try options.workspace()
            workspaceOptions.lesson = target == "all" ? nil : target.split(separator: "/").first.map(String.init)
            let workspace = try await Workspace.open(workspaceOptions)
            var grader = LessonGrader(overrides: try VariableOverrides.parse(set))
            grader.readsAtOnce = readsAtOnce
            // `~/…` as the shell would have it, for `--trace=~/calls.jsonl` and quoted paths.
            let traceFile = try trace.map { try CallTrace(path: PathResolver().url($0).path) }
            defer { traceFile?.close() }
            grader.trace = traceFile
            let run = try await grader.gradeCounting(target, in: workspace)
            let results = run.results
            let language = workspace.language
            switch format {
            case .text: Console.standard.out(TextReport(language: language, colors: TerminalStyle.forStandardOutput().colors).render(results))
            case .json: Console.standard.out(JSONReport(language: language).render(results, made: (run.lookups, run.reads, run.rounds)).formatted(.awsCLI))
            case .junit: Console.standard.write(JUnitReport(language: language).render(results, learner: workspace.owner))
            }
            if !GradeSummary(results).allPassed { throw ExitCode(1) }
        }
    }
}

import ArgumentParser
import Course
import Foundation

/// `ecslab check LESSON|all`: grades the account, for a learner or an
/// instructor, as text, JSON or JUnit XML. Exit 0 when everything passed.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a lesson (or all of them) against your account, with what is wrong and how to fix it.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    @OptionGroup var options: GlobalOptions

    @Argument(help: "A lesson id, or all.")
    var target: String

    @Option(help: "text, json or junit.")
    var format: Format = .text

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a lesson variable.", valueName: "name=value"))
    var set: [String] = []

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await CourseWorkspace.open(options)
            let results = try await CheckCommand.grade(target, in: workspace, overrides: try CourseWorkspace.overrides(set))
            switch format {
            case .text:
                Console.out(TextReport(language: workspace.language, colors: Console.colors).render(results))
            case .json:
                Console.out(JSONReport(language: workspace.language).render(results).formatted(.awsCLI))
            case .junit:
                FileHandle.standardOutput.write(Data(JUnitReport(language: workspace.language).render(results, learner: workspace.owner).utf8))
            }
            if !GradeSummary(results).allPassed { throw ExitCode(1) }
        }
    }

    static func grade(
        _ target: String, in workspace: CourseWorkspace, overrides: [String: String], account: (any AccountAPI)? = nil
    ) async throws -> [CheckResult] {
        let lessons = target == "all" ? workspace.content.lessons : [try workspace.lesson(target)]
        var runner = workspace.checkRunner()
        if let account { runner.api = account }
        let language = workspace.language
        var results: [CheckResult] = []
        for lesson in lessons {
            let checks = workspace.content.gradedChecks(of: lesson.id)
            results += await runner.run(checks, all: workspace.content.checks, scope: workspace.scope(for: lesson, overrides: overrides)) { event in
                // A countdown while AWS settles, on standard error so reports stay clean.
                guard case .waiting(let check, let remaining) = event else { return }
                Console.error(
                    language == .zh
                        ? "  \(check.id)：等待 AWS 完成变更，最多还有 \(remaining) 秒……" : "  \(check.id): waiting for AWS to settle, \(remaining)s left...")
            }
        }
        return results
    }
}

import ArgumentParser
import Course
import Terminal
import Tutor

/// `ecslab lint [DIR]`: every problem in the lesson and check files, with
/// file, line and column, in the shape editors understand.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check lesson and check files for mistakes.")

    @Argument(help: "The course folder (holding lessons/ and checks/); the one ecslab ships with by default.")
    var folder: String?

    func run() async throws {
        let report = CourseLint.run(folder)
        for line in report.lines { Console.standard.out(line) }
        if !report.passed { throw ExitCode(1) }
    }
}

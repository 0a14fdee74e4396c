import ArgumentParser
import Course
import Foundation

/// `ecslab lint [DIR]`: every problem in the lesson and check files, with
/// file, line and column, in the shape editors understand.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check lesson and check files for mistakes.")

    @Argument(help: "The course folder (holding lessons/ and checks/); the one ecslab ships with by default.")
    var folder: String?

    func run() async throws {
        let root = CourseWorkspace.courseFolder(folder)
        let loaded = CourseLoader(root: root).load()
        let diagnostics = loaded.diagnostics + CourseLinter(catalog: ModelCatalog()).lint(loaded.content)
        for diagnostic in diagnostics { Console.out(diagnostic.description) }
        let checks = loaded.content.checks.count
        if diagnostics.isEmpty {
            Console.out("lint: \(loaded.content.lessons.count) lessons and \(checks) checks, no problems")
        } else {
            Console.out("lint: \(diagnostics.count) problems")
            throw ExitCode(1)
        }
    }
}

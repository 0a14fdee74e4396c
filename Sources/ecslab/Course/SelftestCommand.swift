import ArgumentParser
import Course
import Foundation
import Tutor

/// `ecslab selftest [LESSON]`: proves lessons work end to end against a
/// fresh local AWS, with a ledger and progress of its own.
struct SelftestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest", abstract: "Prove that lessons work end to end against a fresh local AWS.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "One lesson; every lesson by default.")
    var lesson: String?

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-selftest-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let workspace = try await Workspace.open(try options.workspace(), state: StateDirectory(url: scratch))
            let outcome = try await Selftest(scratch: scratch).run(lesson, in: workspace)
            if !outcome.failed.isEmpty { throw ExitCode(1) }
        }
    }
}

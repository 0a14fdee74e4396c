import ArgumentParser
import Terminal
import Tutor

/// `ecslab lessons`: every lesson, in order, with the learner's progress
/// when their account is known.
struct LessonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the lessons and your progress in each.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "List the lessons without contacting AWS (no progress shown).")
    var offline = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            for line in await LessonList.lines(try options.workspace(), offline: offline) { Console.standard.out(line) }
        }
    }
}

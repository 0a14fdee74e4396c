import ArgumentParser
import Course
import Terminal
import Tutor

/// `ecslab script LESSON`: the lesson's steps as a script to keep and run
/// with the `aws` CLI; `--undo` prints its teardown.
struct ScriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script", abstract: "Print a lesson as a script for the aws CLI (or, with --undo, its teardown).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "A lesson id.")
    var lesson: String

    @Option(help: "bash or powershell.")
    var shell: ScriptShell = .bash

    @Flag(help: "Print the teardown: everything the lesson makes, deleted in the reverse order.")
    var undo = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a lesson variable.", valueName: "name=value"))
    var set: [String] = []

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let text = try LessonScriptExport.text(
                lesson, shell: shell, undo: undo, overrides: try VariableOverrides.parse(set), options: try options.workspace())
            Console.standard.write(text)
        }
    }
}

extension ScriptShell: ExpressibleByArgument {}

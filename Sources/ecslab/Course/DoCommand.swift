import ArgumentParser
import Tutor

/// `ecslab do LESSON[/STEP]`: the tutor performs the steps, showing each
/// `aws` command; steps that already pass are left alone.
struct DoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do", abstract: "Perform a lesson's steps (or one step) for you, then check them.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "LESSON or LESSON/STEP.")
    var target: String

    @Flag(help: "Do not ask before creating something that costs money; answer quizzes with the right answer.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Show every call that would be made, and change nothing.")
    var dryRun = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a lesson variable.", valueName: "name=value"))
    var set: [String] = []

    @Flag(name: .customLong("with-requirements"), help: "First do the earlier lessons this one builds on, when they are not done yet.")
    var withRequirements = false

    @Flag(name: .customLong("use-existing"), help: "Build on what you made by hand under the lesson's name, when it matches, instead of stopping.")
    var useExisting = false

    @Flag(name: .customLong("no-timer"), help: "Set no timer in your account for what costs money (cleanup and reap still remove it).")
    var noTimer = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            var workspaceOptions = try options.workspace()
            workspaceOptions.timer = !noTimer
            workspaceOptions.lesson = target.split(separator: "/").first.map(String.init)
            var workspace = try await Workspace.open(workspaceOptions)
            let performer = StepPerformer(
                yes: yes, dryRun: dryRun, overrides: try VariableOverrides.parse(set), useExisting: useExisting, askCost: askOnTerminal())
            guard try await performer.perform(target, withRequirements: withRequirements, in: &workspace) else { throw ExitCode(1) }
        }
    }
}

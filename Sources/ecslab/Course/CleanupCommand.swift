import ArgumentParser
import Course
import Tutor

/// `ecslab cleanup LESSON|all|--costly`: shows the plan (where, what, why
/// each resource is ours, its cost), asks, deletes in dependency order, and
/// ends with what is left.
struct CleanupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanup",
        abstract: "Delete what is ours for a lesson (or all, or only what costs by the hour), and show what is left.",
        discussion: """
            Ours means carrying the course's tags or listed in the ledger. Resources found by a lesson's names \
            without our tags (built by hand) are offered one by one, and deleted only when you say yes to each: \
            --yes alone never deletes them. Exits 1 if anything is left.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "A lesson id, or all. With --costly, all by default.")
    var target: String?

    @Flag(help: "Only what is billed by the hour (NAT gateway, Elastic IPs, instances, tasks).")
    var costly = false

    @Flag(name: .customLong("dry-run"), help: "Show the plan, and delete nothing.")
    var dryRun = false

    @Flag(help: "Do not ask before deleting what is ours.")
    var yes = false

    @Flag(name: .customLong("remove-app"), help: "Also delete the folder the lessons laid the app out in (kept by default: it is your code).")
    var removeApp = false

    func validate() throws {
        if target == nil, !costly { throw ValidationError("Name a lesson, or all, or give --costly.") }
    }

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let workspace = try await Workspace.open(try options.workspace())
            let lesson = target == nil || target == "all" ? nil : try workspace.lesson(target ?? "").id
            let ask = askingOnTerminal()
            if !dryRun, !yes, ask == nil { throw CommandFailure.usage(TutorText.cleanupNeedsYes(workspace.language)) }
            let cleanup = ResourceCleanup(dryRun: dryRun, costlyOnly: costly, removeApp: removeApp, asksFirst: !yes)
            let outcome = try await cleanup.run(lesson: lesson, in: workspace, ask: ask)
            if outcome.declined || !outcome.isClean { throw ExitCode(1) }
        }
    }
}

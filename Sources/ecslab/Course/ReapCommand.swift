import AWS
import ArgumentParser
import Course
import Foundation
import Tutor

/// `ecslab reap`: deletes what of ours has expired, region by region, for
/// cron or a CI schedule.
struct ReapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reap",
        abstract: "Delete every resource of the course whose ecslab:expires-at has passed, in each region given; keep the rest.",
        discussion: """
            Made for cron or a CI schedule: it asks nothing and needs no ledger. It reads the course tags only, \
            so it never touches what carries none. Exits 1 if anything expired is left.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("The regions to reap, comma-separated (default: the current region).", valueName: "region,..."))
    var regions: String?

    @Flag(name: .customLong("dry-run"), help: "Show what has expired, and delete nothing.")
    var dryRun = false

    func run() async throws {
        try await reportingFailures(in: options.spokenLanguage) {
            let chosen = (regions ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for region in chosen where !RegionName.isWellFormed(region) {
                throw CommandFailure.usage("--regions: '\(region)' is not a region name such as ap-northeast-1")
            }
            let workspace = try await Workspace.open(try options.workspace())
            let outcome = try await ExpiredResourceReaper(regions: chosen, dryRun: dryRun).run(in: workspace)
            if outcome.left > 0 { throw ExitCode(1) }
        }
    }
}

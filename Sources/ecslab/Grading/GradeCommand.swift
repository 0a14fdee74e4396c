import ArgumentParser
import Course
import Foundation
import Terminal
import Tutor

/// `ecslab grade --roster FILE`: an instructor grades every learner of a
/// class from their own AWS accounts, in parallel, and gets the reports.
struct GradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a whole class from a roster: every learner's AWS account, read only, into reports.",
        discussion: """
            The roster (CSV or YAML) names each learner and how to reach their account: a profile, or a role_arn the \
            grader assumes with an external id. Reports written to --out: summary.md, grades.csv, grades.json, junit.xml, \
            report.html, classroom/ID.json (GitHub Classroom) and gradescope/ID/results.json. Exit 0 when every learner \
            was graded, 1 when some could not be.
            """,
        subcommands: [GradeMergeCommand.self])

    @OptionGroup var options: GlobalOptions

    // Optional to the parser only, so that `grade merge` needs no roster.
    @Option(help: ArgumentHelp("The class: a CSV or YAML file (required).", valueName: "file"))
    var roster: String?

    @Option(help: ArgumentHelp("Only these lessons (ids, comma-separated).", valueName: "a,b"))
    var lessons: String?

    @Option(help: "Learners graded at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Where the reports go.", valueName: "dir"))
    var out: String = "ecslab-grades"

    @Option(help: ArgumentHelp("Grade only slice i of n of the roster, for a CI matrix.", valueName: "i/n"))
    var shard: String?

    @Option(help: "Seconds one learner's account may take before it is reported as not graded.")
    var timeout: Int = 300

    @Option(help: "Calls a second to one account, before throttling slows it.")
    var pace: Double = 50

    @Option(help: ArgumentHelp("Write every AWS call made, one JSON line each: the proof that grading only read.", valueName: "file"))
    var trace: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs needs at least 1") }
        if timeout < 1 { throw ValidationError("--timeout needs at least 1 second") }
        if pace <= 0 { throw ValidationError("--pace needs more than 0 calls a second") }
    }

    func run() async throws {
        let language = options.spokenLanguage
        try await reportingFailures(in: language) {
            let workspace = try options.workspace()
            let shard = try shard.map(RosterShard.parse)
            guard let rosterFile = roster else { throw CommandFailure.usage("grade needs --roster FILE: the class, as CSV or YAML") }
            let roster = try Roster.load(rosterFile)
            var grader = try ClassGrader.open(workspace, lessons: lessons, jobs: jobs)
            try grader.validate(roster)
            if let shard, !roster.entries.contains(where: shard.contains) {
                throw CommandFailure.usage(TutorText.gradeEmptyShard(language, ["shard": shard.description, "count": String(roster.entries.count)]))
            }
            grader.timeoutSeconds = Double(timeout)
            grader.callsPerSecond = pace
            // `~/…` as the shell would have it, for `--trace=~/calls.jsonl` and quoted paths.
            let traceFile = try trace.map { try CallTrace(path: PathResolver().url($0).path) }
            grader.trace = traceFile
            grader.progress = { learner, done, total in
                let score =
                    learner.score.map { "\(GradeSummary.points($0))/\(learner.possible)" }
                    ?? learner.outcome.reason ?? ""
                Console.standard.error(TutorText.gradeLearnerDone(language, ["done": String(done), "of": String(total), "id": learner.id, "score": score]))
            }
            let grade = await grader.grade(roster.entries, shard: shard)
            traceFile?.close()
            let notGraded = try ClassReportFiles.writeTelling(grade, to: URL(fileURLWithPath: out), language: language)
            if notGraded > 0 { throw ExitCode(1) }
        }
    }
}

/// `ecslab grade merge DIR...`: the shards of a CI matrix joined into the
/// reports of one run.
struct GradeMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Join the reports of --shard runs into the reports of one run.",
        discussion: "Exit 0 when every learner was graded, 1 when some could not be, as grade does.")

    // `--out` and `--lang` are grade's own, given before or after `merge`.
    @ParentCommand var grade: GradeCommand

    @Argument(help: ArgumentHelp("The --out folders of the shards. Say where the merged reports go with --out DIR (default: ecslab-grades).", valueName: "dir"))
    var folders: [String]

    func run() async throws {
        let language = grade.options.spokenLanguage
        let out = grade.out
        try await reportingFailures(in: language) {
            let shards = try folders.map { folder in (folder: folder, grade: try ClassReportFiles.read(URL(fileURLWithPath: folder), language: language)) }
            let grade = try ClassGradeMerge.merge(shards, language: language)
            let notGraded = try ClassReportFiles.writeTelling(grade, to: URL(fileURLWithPath: out), language: language)
            if notGraded > 0 { throw ExitCode(1) }
        }
    }
}

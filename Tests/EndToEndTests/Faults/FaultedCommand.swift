import Foundation

/// One ecslab command run through the fault proxy (or straight to moto,
/// for a baseline) with `--debug`: what it said, and the tally the summary
/// line prints, from ecslab's own debug log and from the proxy's.
struct FaultedCommand: Sendable {
    var arguments: [String]
    var outcome: Run.Outcome
    /// The proxy's calls and faults during this command; empty without a proxy.
    var faults: FaultLog
    var seconds: Double

    /// Runs `ecslab ARGUMENTS --debug` against `endpoint` as `account`.
    static func run(
        _ arguments: [String], as account: LearnerAccount, endpoint: String, proxy: FaultProxy?, timeout: TimeInterval
    ) throws -> FaultedCommand {
        let before = proxy?.log ?? FaultLog()
        let started = Date()
        let outcome = try Run.program(
            account.ecslab, arguments + ["--debug", "--endpoint-url", endpoint], environment: account.environment, timeout: timeout)
        let seconds = Date().timeIntervalSince(started)
        return FaultedCommand(arguments: arguments, outcome: outcome, faults: proxy.map { $0.log.since(before) } ?? FaultLog(), seconds: seconds)
    }

    private var debugLines: [Substring] {
        outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("debug: ") }
    }

    /// Calls ecslab made: each request's first attempt.
    var calls: Int { debugLines.filter { $0.hasPrefix("debug: > ") && $0.hasSuffix(" (attempt 1)") }.count }

    /// The standard retry mode's retries, as `--debug` tells each one.
    var retries: Int { debugLines.filter { $0.hasPrefix("debug: ~ retrying as attempt ") }.count }

    /// Attempts that AWS may have carried out, not retried: ecslab looked
    /// for what they made before it called again.
    var lookedInto: Int { debugLines.filter { $0.hasPrefix("debug: ~ not retrying after: ") }.count }

    /// What ecslab said on standard error besides its debug log.
    var said: String {
        outcome.standardError.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("debug: ") }.joined(separator: "\n")
    }

    /// For a failure message: the command, its exit, its last words.
    var story: String {
        "ecslab \(arguments.joined(separator: " ")) exited \(outcome.status) after \(Int(seconds)) s:\n"
            + "\(outcome.standardOutput.suffix(2500))\n\(said.suffix(1500))"
    }
}

import Foundation
import TestSupport

/// Runs a program to completion with exactly the environment given (nothing
/// inherited from the test runner), its output in files so that a child
/// writing a lot never blocks on a full pipe. Blocking, not async: the kill
/// test runs several of these at once on threads of its own, and a blocked
/// thread of Swift's cooperative pool (two threads on a two-core machine)
/// would stall every other task.
enum Run {
    struct Outcome: Sendable {
        var status: Int32
        var standardOutput: String
        var standardError: String

        /// Both streams, for a failure message.
        var said: String { standardOutput + standardError }
    }

    static func program(
        _ program: URL, _ arguments: [String], standardInput: String = "", environment: [String: String],
        timeout: TimeInterval = 900
    ) throws -> Outcome {
        let outcome = try BuiltExecutable(at: program).run(
            arguments, standardInput: standardInput, environment: environment, inheritsEnvironment: false, timeout: timeout)
        return Outcome(status: outcome.status, standardOutput: outcome.standardOutput, standardError: outcome.standardError)
    }
}

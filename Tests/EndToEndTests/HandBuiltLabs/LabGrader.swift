import Foundation
import TestSupport

/// `ecslab check LESSON --format json`, as the test reads it.
struct GradeReport: Decodable, Sendable {
    struct Check: Decodable, Sendable {
        struct Failure: Decodable, Sendable {
            var expected: String?
            var actual: String?
            var error: String?
        }

        var id: String
        var status: String
        var points: Double
        var possible: Int
        var message: String?
        var failures: [Failure]?

        /// What the learner is told: the message and each failing assertion's values.
        var said: String {
            ([message] + (failures ?? []).flatMap { [$0.expected, $0.actual, $0.error] }).compactMap { $0 }.joined(separator: "\n")
        }
    }

    var score: Double
    var possible: Int
    var passed: Int
    var failed: Int
    var skipped: Int
    var errors: Int
    var checks: [Check]
}

/// Grades a built lab with the built `ecslab`, the way an instructor grades
/// a learner's account: the assumed role's keys, the region, the endpoint,
/// an empty home (so no saved progress or ledger), and nothing else.
struct LabGrader: Sendable {
    var ecslab: URL
    var moto: String

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    func grade(_ lab: HandBuiltLab, _ built: BuiltLab) async throws -> GradeReport {
        guard let keys = built.credentials else { throw Failed(description: "the lab was not built") }
        let home = try TestEnvironment.temporaryFolder("ecslab-lab-home")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1",
            "AWS_ACCESS_KEY_ID": keys.AccessKeyId, "AWS_SECRET_ACCESS_KEY": keys.SecretAccessKey,
            "AWS_SESSION_TOKEN": keys.SessionToken, "AWS_REGION": "ap-northeast-1", "AWS_ENDPOINT_URL": moto,
            // The checks of this tree, not those of an installed course.
            "ECSLAB_COURSE": TestEnvironment.projectRoot.path,
        ]
        let arguments = ["check", lab.lesson, "--format", "json", "--lang", "en"] + lab.settings.flatMap { ["--set", $0] }
        let run = try await Self.run(ecslab, arguments, environment: environment, limit: Self.limit)
        if run.stopped {
            throw Failed(description: "ecslab check had not finished after \(Int(Self.limit)) s and was stopped (a check waiting out its 'eventually'?)")
        }
        do {
            return try JSONDecoder().decode(GradeReport.self, from: Data(run.output.utf8))
        } catch {
            throw Failed(description: "ecslab check exited \(run.status) without a JSON report: \(run.output)\(run.errors)")
        }
    }

    /// A grade takes a second or two. A check that waits (`eventually`, up to
    /// 10 minutes for instances to register) is stopped here, so that one lab
    /// can never hold up the suite; its verdict says so.
    static let limit: TimeInterval = 60

    /// Runs `program` to completion or until `limit` seconds have passed,
    /// with its output in files so that it can never block on a full pipe.
    private static func run(
        _ program: URL, _ arguments: [String], environment: [String: String], limit: TimeInterval
    ) async throws -> (status: Int32, output: String, errors: String, stopped: Bool) {
        let folder = try TestEnvironment.temporaryFolder("ecslab-lab-grade")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("stdout"), errors = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let (status, stopped) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, Bool), Error>) in
            // A thread of its own, because waiting with a deadline blocks.
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = program
                    process.arguments = arguments
                    process.environment = environment
                    process.standardInput = FileHandle.nullDevice
                    process.standardOutput = try FileHandle(forWritingTo: output)
                    process.standardError = try FileHandle(forWritingTo: errors)
                    let ended = DispatchSemaphore(value: 0)
                    process.terminationHandler = { _ in ended.signal() }
                    try process.run()
                    let stopped = ended.wait(timeout: .now() + limit) == .timedOut
                    if stopped {
                        process.terminate()
                        ended.wait()
                    }
                    continuation.resume(returning: (process.terminationStatus, stopped))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        return (
            status, String(decoding: try Data(contentsOf: output), as: UTF8.self),
            String(decoding: try Data(contentsOf: errors), as: UTF8.self), stopped
        )
    }
}

/// A lab's verdict: whether the grade is the expected one, and a line or
/// two that say what the grade was.
struct LabOutcome: Sendable {
    var lab: HandBuiltLab
    var right: Bool
    var account: String
    var lines: [String]

    init(_ lab: HandBuiltLab, account: String, problem: String) {
        self.lab = lab
        self.account = account
        right = false
        lines = [problem]
    }

    init(_ lab: HandBuiltLab, _ built: BuiltLab, _ report: GradeReport) {
        self.lab = lab
        account = built.account
        var wrong: [String] = []
        switch lab.expected {
        case .fullMarks:
            if report.failed > 0 || report.errors > 0 || report.skipped > 0 || report.score != Double(report.possible) {
                wrong.append("expected full marks")
            }
        case .fails(let id, let mentioning):
            let mention = Self.filled(mentioning, with: built.facts ?? [:])
            if let check = report.checks.first(where: { $0.id == id }) {
                if check.status != "failed" { wrong.append("expected \(id) to fail, it is \(check.status)") }
                if check.status == "failed", !check.said.contains(mention) { wrong.append("expected \(id) to mention \"\(mention)\"") }
            } else {
                wrong.append("expected \(id) to fail, there is no such check")
            }
            let erring = report.checks.filter { $0.status == "error" }.map(\.id)
            if !erring.isEmpty { wrong.append("expected no errors, \(erring.joined(separator: ", ")) errored") }
        }
        right = wrong.isEmpty
        let score = "\(Self.points(report.score))/\(report.possible): \(report.passed) passed, \(report.failed) failed, "
            + "\(report.skipped) skipped, \(report.errors) errors"
        lines = [(wrong.isEmpty ? "" : wrong.joined(separator: "; ") + "; got ") + score]
        for check in report.checks where check.status != "passed" && check.status != "not-applicable" {
            let said = (check.message ?? "").replacingOccurrences(of: "\n", with: " ")
            lines.append("  \(check.id) \(check.status): \(said.count > 220 ? said.prefix(220) + "…" : said)")
        }
    }

    /// `${fact}` replaced by the builder's value of that fact.
    static func filled(_ text: String, with facts: [String: String]) -> String {
        facts.reduce(text) { $0.replacingOccurrences(of: "${\($1.key)}", with: $1.value) }
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    var expectation: String {
        switch lab.expected {
        case .fullMarks: return "full marks"
        case .fails(let check, let mentioning): return "\(check) fails mentioning \"\(mentioning)\""
        }
    }

    var report: String {
        "\(right ? "✓" : "✗") \(lab.name) [\(lab.lesson), account \(account)] expects \(expectation)\n    "
            + lines.joined(separator: "\n    ")
    }
}

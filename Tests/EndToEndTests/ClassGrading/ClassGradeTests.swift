import Foundation
import TestSupport
import XCTest

/// `ecslab grade` on a class of 30 made-up learners, each with an AWS account
/// of their own on one moto server (builders/classroom.py): full labs,
/// partial ones, labs with one known mistake, empty accounts, one learner in
/// another region, one with their own names, one whose role cannot be
/// assumed. The grader has only what a real one has: a user that may assume
/// `ecslab-grader` roles, and in each account a role with the policy
/// `ecslab grader-policy` prints, with IAM enforced by moto.
final class ClassGradeTests: XCTestCase {
    func testGradesEveryLearnerOfTheClass() async throws {
        let fixture = try await ClassFixture.shared.built()
        let run = try await ClassFixture.shared.fullRun()
        XCTAssertEqual(run.status, 1, "one learner cannot be graded, so the exit status is 1\n\(run.errors)")
        let grades = try run.grades()
        let expected = fixture.expected
        XCTAssertEqual(grades.format, 1)

        // The class's checks, with the points the check files give them.
        let listed = Dictionary(grades.checks.map { ("\($0.lesson)/\($0.id)", $0.points) }, uniquingKeysWith: { first, _ in first })
        for check in expected.checks {
            XCTAssertEqual(listed["\(check.lesson)/\(check.id)"], check.points, "check \(check.lesson)/\(check.id) in grades.json's checks")
        }

        XCTAssertEqual(grades.learners.map(\.id), expected.learners.map(\.id), "every learner, in roster order")
        XCTAssertEqual(grades.learners.map(\.rosterIndex), grades.learners.map(\.rosterIndex).sorted(), "rosterIndex follows the roster")
        XCTAssertEqual(Set(grades.learners.map(\.rosterIndex)).count, grades.learners.count, "rosterIndex is each learner's own")
        let counted = Set(expected.checks.map(\.id))
        let notApplicable = Set(expected.notApplicable.map(\.id))
        for (learner, want) in zip(grades.learners, expected.learners) {
            let who = "\(want.id) (\(want.lab))"
            XCTAssertEqual(learner.name, want.name, who)
            // The account id actually read from STS: none for a learner whose account could not be reached.
            XCTAssertEqual(learner.account, want.status == "graded" ? want.account : nil, who)
            XCTAssertEqual(learner.region, want.region, who)
            XCTAssertEqual(learner.status, want.status, "\(who): \(learner.reason ?? "")")
            guard want.status == "graded" else {
                XCTAssertNil(learner.score, "\(who) was not graded, so has no score")
                let reason = (learner.reason ?? "").lowercased()
                XCTAssert(["assumerole", "accessdenied", "access denied", "not authorized"].contains { reason.contains($0) },
                          "\(who): the reason names the refused AssumeRole: \(learner.reason ?? "none")")
                continue
            }
            let results = Dictionary(learner.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            XCTAssert(counted.isSubset(of: Set(results.keys)), "\(who) has a result for every counted check")
            let notPassing = learner.checks.filter { $0.status != "passed" && $0.status != "not-applicable" }
            XCTAssertEqual(Set(notPassing.map(\.id)), Set(want.notPassed), "\(who): the checks that do not pass\n" + Self.describe(notPassing))
            for result in learner.checks where result.status == "not-applicable" {
                XCTAssert(notApplicable.contains(result.id) || !counted.contains(result.id),
                          "\(who): \(result.id) counts in a class grade, yet is not applicable: \(result.message ?? "")")
            }
            for result in learner.checks {
                switch result.status {
                case "passed": XCTAssertEqual(result.points, Double(result.possible), "\(who): \(result.id) passed earns all its points")
                case "failed": XCTAssertLessThan(result.points, Double(result.possible), "\(who): \(result.id) failed earns partial credit at most")
                default: XCTAssertEqual(result.points, 0, "\(who): \(result.id) \(result.status) earns nothing")
                }
            }
            let score = try XCTUnwrap(learner.score, "\(who) was graded, so has a score")
            XCTAssertEqual(score, learner.checks.reduce(0) { $0 + $1.points }, accuracy: 0.005, "\(who): the score is the sum of its checks' points")
            XCTAssertEqual(score, want.score ?? -1, accuracy: 0.005, "\(who): the score\n" + Self.describe(notPassing))
            XCTAssertEqual(learner.possible, expected.possible, "\(who): the possible score")
            if want.notPassed.isEmpty {
                // A full lab scores every counted check's points, as the check files give them.
                XCTAssertEqual(score, Double(expected.checks.reduce(0) { $0 + $1.points }), accuracy: 0.005, "\(who) has full marks")
            }
            if want.variables != nil {
                let network = learner.checks.filter { $0.lesson == "network" }
                XCTAssertFalse(network.isEmpty)
                XCTAssert(network.allSatisfy { $0.status == "passed" }, "\(who) used their own names, given as var: columns\n" + Self.describe(network))
            }
        }
        let elsewhere = try XCTUnwrap(expected.learners.first { $0.region != expected.region })
        let graded = try XCTUnwrap(grades.learners.first { $0.id == elsewhere.id })
        XCTAssertEqual(graded.region, "us-west-2")
        XCTAssertEqual(graded.account, elsewhere.account)

        let provenance = grades.provenance
        XCTAssertFalse(provenance.ecslab.isEmpty, "provenance names the ecslab version")
        XCTAssertFalse(provenance.checkFiles.isEmpty, "provenance names the check files")
        XCTAssert(provenance.checkFiles.allSatisfy { $0.sha256.hasPrefix("sha256:") && $0.sha256.count == 71 }, "each check file with its SHA-256")
        XCTAssertFalse(provenance.gradedAt.isEmpty)
        XCTAssertEqual(provenance.region, "ap-northeast-1")
        XCTAssertEqual(provenance.language, "en")
        XCTAssertFalse(provenance.lessons.isEmpty)
        XCTAssertNil(provenance.shard, "one run of the whole class is no shard")

        var files = ["grades.json", "summary.md", "grades.csv", "junit.xml", "report.html"]
        for learner in expected.learners {
            files += ["classroom/\(learner.id).json", "gradescope/\(learner.id)/results.json"]
        }
        for file in files {
            let url = run.out.appendingPathComponent(file)
            XCTAssert(FileManager.default.fileExists(atPath: url.path), "\(file) is written")
        }
    }

    func testNoCallIsDeniedAndTheGraderCannotChangeAnything() async throws {
        let fixture = try await ClassFixture.shared.built()
        let run = try await ClassFixture.shared.fullRun()
        let calls = try run.trace()
        XCTAssertFalse(calls.isEmpty, "the trace has every call made while grading")
        let denied = calls.filter { ["AccessDenied", "UnauthorizedOperation", "AccessDeniedException"].contains($0.error ?? "") }
        XCTAssertEqual(denied.count, 0, "calls the grader policy refused:\n" + denied.map { "\($0.learner) \($0.operation)" }.joined(separator: "\n"))
        XCTAssertFalse(calls.contains { $0.operation.hasPrefix("sts:") }, "the trace leaves out AssumeRole and GetCallerIdentity")

        // Every operation in the trace is one the policy grants (IAM actions are case-insensitive).
        let actions = try fixture.policyActions()
        let refused = Set(calls.map(\.operation)).filter { operation in
            !actions.contains { Self.matches(operation.lowercased(), $0.lowercased()) }
        }
        XCTAssertEqual(refused.sorted(), [], "operations graded with that the generated policy does not name")
        XCTAssertFalse(actions.contains { $0 == "*" || $0.hasSuffix(":*") }, "the policy grants no whole service: \(actions)")

        // Each learner's calls went to their own account and region; the
        // learner whose role cannot be assumed made none.
        for learner in fixture.expected.learners {
            let theirs = calls.filter { $0.learner == learner.id }
            if learner.status == "graded" {
                XCTAssertFalse(theirs.isEmpty, "\(learner.id) was graded with calls")
                XCTAssert(theirs.allSatisfy { $0.account == learner.account && $0.region == learner.region },
                          "\(learner.id)'s calls went to account \(learner.account) in \(learner.region)")
            } else {
                XCTAssertEqual(theirs.count, 0, "\(learner.id) could not be assumed, so nothing was read")
            }
        }

        // With the grader's own keys: the role reads but writes nothing, and no other role can be assumed.
        let learner = try XCTUnwrap(fixture.expected.learners.first { $0.status == "graded" })
        let probe = """
            import json, sys, boto3, botocore
            url, key, secret, account, external_id = sys.argv[1:6]
            def refusal(call):
                try:
                    call()
                    return "allowed"
                except botocore.exceptions.ClientError as error:
                    return error.response["Error"]["Code"]
            grader = boto3.client("sts", endpoint_url=url, region_name="ap-northeast-1",
                                  aws_access_key_id=key, aws_secret_access_key=secret)
            keys = grader.assume_role(RoleArn=f"arn:aws:iam::{account}:role/ecslab-grader", RoleSessionName="probe",
                                      ExternalId=external_id)["Credentials"]
            session = boto3.Session(aws_access_key_id=keys["AccessKeyId"], aws_secret_access_key=keys["SecretAccessKey"],
                                    aws_session_token=keys["SessionToken"], region_name="ap-northeast-1")
            ec2 = session.client("ec2", endpoint_url=url)
            iam = session.client("iam", endpoint_url=url)
            print(json.dumps({
                "DescribeVpcs": refusal(lambda: ec2.describe_vpcs()),
                "CreateVpc": refusal(lambda: ec2.create_vpc(CidrBlock="10.42.0.0/16")),
                "CreateRole": refusal(lambda: iam.create_role(RoleName="ecslab-grader-was-here", AssumeRolePolicyDocument="{}")),
                "AssumeOtherRole": refusal(lambda: grader.assume_role(
                    RoleArn=f"arn:aws:iam::{account}:role/lab", RoleSessionName="probe", ExternalId=external_id)),
            }))
            """
        let result = try await ProcessRunner.run(
            fixture.python, ["-c", probe, fixture.moto, fixture.grader.AccessKeyId, fixture.grader.SecretAccessKey, learner.account,
                             fixture.expected.externalId],
            environment: fixture.cleanEnvironment())
        XCTAssertEqual(result.status, 0, result.stderr)
        let said = try JSONDecoder().decode([String: String].self, from: Data(result.stdout.utf8))
        XCTAssertEqual(said["DescribeVpcs"], "allowed", "the grader role reads")
        for attempt in ["CreateVpc", "CreateRole", "AssumeOtherRole"] {
            XCTAssert(["AccessDenied", "UnauthorizedOperation", "AccessDeniedException"].contains(said[attempt] ?? ""),
                      "\(attempt) is refused, got \(said[attempt] ?? "nothing")")
        }
    }

    func testShardsMergeIntoTheReportsOfOneRun() async throws {
        let fixture = try await ClassFixture.shared.built()
        let whole = try await ClassFixture.shared.fullRun()
        let folder = try TestEnvironment.temporaryFolder("ecslab-class-shards")
        defer { try? FileManager.default.removeItem(at: folder) }

        var shards: [URL] = []
        var statuses: [Int32] = []
        for index in 1...3 {
            let out = folder.appendingPathComponent("shard-\(index)")
            let run = try await fixture.grade(out: out, extra: ["--shard", "\(index)/3"])
            XCTAssert([0, 1].contains(run.status), "shard \(index)/3 exited \(run.status): \(run.errors)")
            statuses.append(run.status)
            shards.append(out)
        }
        XCTAssertEqual(statuses.filter { $0 == 1 }.count, 1, "only the shard with the unassumable learner has one not graded")

        let merged = folder.appendingPathComponent("merged")
        let merge = try await ProcessRunner.run(
            fixture.ecslab, ["grade", "merge"] + shards.map(\.path) + ["--out", merged.path], environment: fixture.graderEnvironment())
        XCTAssert([0, 1].contains(merge.status), "ecslab grade merge exited \(merge.status): \(merge.stderr)")

        let single = try Self.files(under: whole.out), joined = try Self.files(under: merged)
        XCTAssertEqual(joined, single, "the merge writes the files one run writes")
        for file in single where joined.contains(file) {
            let one = try Self.withoutTimes(whole.out.appendingPathComponent(file))
            let other = try Self.withoutTimes(merged.appendingPathComponent(file))
            if one != other {
                let first = zip(one.split(separator: "\n", omittingEmptySubsequences: false), other.split(separator: "\n", omittingEmptySubsequences: false))
                    .enumerated().first { $0.element.0 != $0.element.1 }
                XCTFail("\(file) differs from one run's" + (first.map { "at line \($0.offset + 1):\n  one run: \($0.element.0)\n  merged:  \($0.element.1)" } ?? " in length"))
            }
        }
    }

    // MARK: - Helpers

    /// Every file under `folder`, as paths relative to it.
    static func files(under folder: URL) throws -> [String] {
        let base = folder.resolvingSymlinksInPath().path + "/"
        guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var found: [String] = []
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found.append(String(url.resolvingSymlinksInPath().path.dropFirst(base.count)))
        }
        return found.sorted()
    }

    /// A report's text with every ISO 8601 time replaced: a merge of shards
    /// graded at other moments must be the same report but for those.
    /// The file without what differs between any two runs: the times, and
    /// the request id AWS gives each refusal.
    static func withoutTimes(_ url: URL) throws -> String {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.replacing(try Regex(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#), with: "<time>")
            .replacing(try Regex(#"request ID [A-Za-z0-9-]+"#), with: "request ID <id>")
    }

    /// An IAM action pattern (`*` and `?` wildcards) against an operation.
    static func matches(_ operation: String, _ pattern: String) -> Bool {
        let expression = "^" + NSRegularExpression.escapedPattern(for: pattern)
            .replacingOccurrences(of: "\\*", with: ".*").replacingOccurrences(of: "\\?", with: ".") + "$"
        return operation.range(of: expression, options: .regularExpression) != nil
    }

    static func describe(_ results: [ClassGrades.Learner.Result]) -> String {
        results.map { "  \($0.id) \($0.status) \($0.points)/\($0.possible): \(($0.message ?? "").prefix(200))" }.joined(separator: "\n")
    }
}

// MARK: - What the files say

/// grades.json, as the test reads it (Sources/Course/Reports/Class/ClassGradeJSON.swift writes it).
struct ClassGrades: Decodable, Sendable {
    struct Provenance: Decodable, Sendable {
        struct CheckFile: Decodable, Sendable {
            var path: String
            var sha256: String
        }

        var ecslab: String
        var checkFiles: [CheckFile]
        var gradedAt: String
        var region: String
        var language: String
        var lessons: [String]
        var shard: String?
    }

    struct Check: Decodable, Sendable {
        var id: String
        var lesson: String
        var title: String
        var points: Int
    }

    struct Learner: Decodable, Sendable {
        struct Made: Decodable, Sendable {
            var lookups: Int
            var reads: Int
        }

        struct Result: Decodable, Sendable {
            var id: String
            var lesson: String
            var status: String
            var points: Double
            var possible: Int
            var message: String?
        }

        var id: String
        var name: String
        var rosterIndex: Int
        var account: String?
        var region: String
        var gradedAt: String
        var status: String
        var reason: String?
        var score: Double?
        var possible: Int
        var made: Made
        var checks: [Result]
    }

    var format: Int
    var provenance: Provenance
    var checks: [Check]
    var learners: [Learner]
}

/// expected.json, which classroom.py writes next to the roster.
struct ExpectedClass: Decodable, Sendable {
    struct Check: Decodable, Sendable {
        var id: String
        var lesson: String
        var points: Int
    }

    struct NotApplicable: Decodable, Sendable {
        var id: String
        var lesson: String
    }

    struct Learner: Decodable, Sendable {
        var id: String
        var name: String
        var account: String
        var region: String
        var lab: String
        var status: String
        var notPassed: [String]
        var score: Double?
        var variables: [String: String]?
    }

    var graderAccount: String
    var region: String
    var externalId: String
    var checks: [Check]
    var notApplicable: [NotApplicable]
    var possible: Int
    var learners: [Learner]
}

/// grader.json: the grader user's access key.
struct GraderKeys: Decodable, Sendable {
    var AccessKeyId: String
    var SecretAccessKey: String
}

/// One line of `--trace`.
struct TracedCall: Decodable, Sendable {
    var learner: String
    var account: String
    var region: String
    var operation: String
    var paginate: Bool?
    var error: String?
}

// MARK: - The class, built once

/// A class built on the test's own moto server and what grading it wrote.
struct BuiltClass: Sendable {
    var moto: String
    var ecslab: URL
    var python: URL
    var folder: URL
    var policy: URL
    var roster: URL
    var grader: GraderKeys
    var expected: ExpectedClass

    /// What any program the test starts gets: no AWS settings, no ~/.aws.
    func cleanEnvironment() -> [String: String] {
        let home = folder.appendingPathComponent("home")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1",
            "AWS_EC2_METADATA_DISABLED": "true", "PYTHONDONTWRITEBYTECODE": "1",
            // The checks of this tree, not those of an installed course.
            "ECSLAB_COURSE": TestEnvironment.projectRoot.path,
        ]
    }

    /// The grader's environment: the clean one and the grader user's keys, nothing else.
    func graderEnvironment() -> [String: String] {
        cleanEnvironment().merging(["AWS_ACCESS_KEY_ID": grader.AccessKeyId, "AWS_SECRET_ACCESS_KEY": grader.SecretAccessKey]) { _, new in new }
    }

    struct Run: Sendable {
        var status: Int32
        var errors: String
        var out: URL
        var traceFile: URL?

        func grades() throws -> ClassGrades {
            try ClassFixture.decoder.decode(ClassGrades.self, from: Data(contentsOf: out.appendingPathComponent("grades.json")))
        }

        func trace() throws -> [TracedCall] {
            let file = try XCTUnwrap(traceFile, "this run kept no trace")
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            return try text.split(separator: "\n").map { try ClassFixture.decoder.decode(TracedCall.self, from: Data($0.utf8)) }
        }
    }

    /// `ecslab grade` over the whole roster with the grader's keys only.
    func grade(out: URL, jobs: Int = 8, trace: URL? = nil, extra: [String] = []) async throws -> Run {
        var arguments = [
            "grade", "--roster", roster.path, "--out", out.path, "--jobs", String(jobs), "--endpoint-url", moto,
            "--region", expected.region, "--lang", "en", "--timeout", "120",
        ]
        if let trace { arguments += ["--trace", trace.path] }
        let run = try await ProcessRunner.run(ecslab, arguments + extra, environment: graderEnvironment())
        return Run(status: run.status, errors: run.stdout + run.stderr, out: out, traceFile: trace)
    }

    /// The actions the generated permissions policy allows.
    func policyActions() throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: policy)) as? [String: Any] ?? [:]
        let statements = (document["Statement"] as? [[String: Any]]) ?? [(document["Statement"] as? [String: Any]) ?? [:]]
        return statements.filter { ($0["Effect"] as? String) == "Allow" }.flatMap { statement -> [String] in
            if let action = statement["Action"] as? String { return [action] }
            return statement["Action"] as? [String] ?? []
        }
    }
}

/// Builds the class once for every test of ClassGradeTests (they share one
/// moto server, whose auth the build turns on for good), and grades it once
/// with a trace; a test that needs another run makes its own.
actor ClassFixture {
    static let shared = ClassFixture()

    private var building: Task<BuiltClass, Error>?
    private var grading: Task<BuiltClass.Run, Error>?

    /// The files' snake_case keys (roster_index, not_passed) as Swift's names.
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    static let builder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("builders/classroom.py")

    func built() async throws -> BuiltClass {
        if building == nil {
            // Looked up here, so that a missing server or build skips (or
            // fails) the test instead of failing once inside the task.
            let moto = try TestEnvironment.motoClassURL()
            let ecslab = try BuiltExecutable("ecslab").url
            let python = try TestEnvironment.venvProgram("python")
            building = Task { try await Self.build(moto: moto, ecslab: ecslab, python: python) }
        }
        return try await building!.value
    }

    func fullRun() async throws -> BuiltClass.Run {
        let fixture = try await built()
        if grading == nil {
            grading = Task {
                try await fixture.grade(
                    out: fixture.folder.appendingPathComponent("graded"), trace: fixture.folder.appendingPathComponent("trace.jsonl"))
            }
        }
        return try await grading!.value
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    private static func build(moto: String, ecslab: URL, python: URL) async throws -> BuiltClass {
        let folder = try TestEnvironment.temporaryFolder("ecslab-class")
        let policy = folder.appendingPathComponent("grader-policy.json")
        var fixture = BuiltClass(
            moto: moto, ecslab: ecslab, python: python, folder: folder, policy: policy,
            roster: folder.appendingPathComponent("class/roster.csv"),
            grader: GraderKeys(AccessKeyId: "", SecretAccessKey: ""),
            expected: ExpectedClass(graderAccount: "", region: "", externalId: "", checks: [], notApplicable: [], possible: 0, learners: []))

        let printed = try await ProcessRunner.run(ecslab, ["grader-policy", "--part", "permissions"], environment: fixture.cleanEnvironment())
        guard printed.status == 0 else { throw Failed(description: "ecslab grader-policy exited \(printed.status): \(printed.stderr)") }
        try Data(printed.stdout.utf8).write(to: policy)

        // --reset: the server is this suite's alone, and a run before may have left a class (and auth on).
        let started = Date()
        let build = try await ProcessRunner.run(
            python, [builder.path, "--endpoint", moto, "--policy", policy.path, "--out", folder.appendingPathComponent("class").path, "--reset"],
            environment: fixture.cleanEnvironment())
        guard build.status == 0 else { throw Failed(description: "classroom.py exited \(build.status): \(build.stderr)") }
        print("class of learners built in \(Int(Date().timeIntervalSince(started))) s")

        let decoder = Self.decoder
        fixture.grader = try decoder.decode(GraderKeys.self, from: Data(contentsOf: folder.appendingPathComponent("class/grader.json")))
        fixture.expected = try decoder.decode(ExpectedClass.self, from: Data(contentsOf: folder.appendingPathComponent("class/expected.json")))
        return fixture
    }
}

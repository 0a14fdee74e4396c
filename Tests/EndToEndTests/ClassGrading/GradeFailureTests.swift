import Foundation
import TestSupport
import XCTest

/// What an instructor sees when grading goes wrong: one clear line and the
/// right exit code, and an account that hangs stopping no one.
final class GradeFailureTests: XCTestCase {
    private func environment() throws -> [String: String] {
        let home = try TestEnvironment.temporaryFolder("ecslab-grade-failure")
        return [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "AWS_REGION": "ap-northeast-1",
        ]
    }

    private func write(_ text: String, named name: String) throws -> URL {
        let url = try TestEnvironment.temporaryFolder("ecslab-roster").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testABadRosterIsOneLineWithItsFileAndLine() throws {
        let roster = try write("id,name,role_arn\ns01,A,arn:aws:iam::200000000001:role/ecslab-grader\ns01,B,arn:aws:iam::200000000002:role/ecslab-grader\n", named: "class.csv")
        let outcome = try BuiltExecutable("ecslab").run(["grade", "--roster", roster.path], environment: try environment())
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.standardOutput, "")
        XCTAssertTrue(outcome.standardError.hasPrefix("ecslab: \(roster.path):3: "), outcome.standardError)
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
    }

    func testAMistypedVariableColumnIsRefusedWithTheNameMeant() throws {
        let roster = try write("id,role_arn,var:vcp_name\ns01,arn:aws:iam::200000000001:role/ecslab-grader,my-vpc\n", named: "class.csv")
        let outcome = try BuiltExecutable("ecslab").run(
            ["grade", "--roster", roster.path, "--endpoint-url", "http://127.0.0.1:9"], environment: try environment())
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.standardError, "ecslab: \(roster.path):2: the roster column var:vcp_name is no lesson variable; did you mean vpc_name?\n")
    }

    func testAnAccountThatNeverAnswersIsNotGradedAfterTheTimeout() async throws {
        // A server that takes every connection and never answers: a link to an account that hangs.
        let python = try TestEnvironment.venvProgram("python")
        let server = Process()
        server.executableURL = python
        server.arguments = [
            "-c",
            // It ends by itself after two minutes, should the test runner never stop it.
            "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(64)\ns.settimeout(1)\nprint(s.getsockname()[1], flush=True)\nheld, end = [], time.time() + 120\nwhile time.time() < end:\n    try:\n        held.append(s.accept())\n    except socket.timeout:\n        pass\n",
        ]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // SIGKILL: the runner may start children with SIGTERM blocked.
        defer { kill(server.processIdentifier, SIGKILL) }
        let port = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(Int(port), "the silent server's port: \(port)")

        let roster = try write(
            "id,name,role_arn\ns01,One,arn:aws:iam::200000000001:role/ecslab-grader\ns02,Two,arn:aws:iam::200000000002:role/ecslab-grader\n",
            named: "class.csv")
        let out = try TestEnvironment.temporaryFolder("ecslab-grade-timeout")
        let started = Date()
        let outcome = try BuiltExecutable("ecslab").run(
            ["grade", "--roster", roster.path, "--out", out.path, "--timeout", "2", "--jobs", "2", "--endpoint-url", "http://127.0.0.1:\(port)"],
            environment: try environment())
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the timeout ends a hanging account's grading")
        XCTAssertEqual(outcome.status, 1, outcome.standardError)
        let grades = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("grades.json"))) as? [String: Any]
        let learners = try XCTUnwrap(grades?["learners"] as? [[String: Any]])
        XCTAssertEqual(learners.map { $0["id"] as? String }, ["s01", "s02"])
        for learner in learners {
            XCTAssertEqual(learner["status"] as? String, "not-graded")
            XCTAssertTrue(learner["score"] is NSNull, "not graded is no zero")
            XCTAssertEqual(learner["reason"] as? String, "not graded: reading the account took more than 2 s")
        }
    }

    func testARoleRowNeedsTheGradersOwnCredentials() throws {
        var environment = try environment()
        environment["AWS_ACCESS_KEY_ID"] = ""
        environment["AWS_SECRET_ACCESS_KEY"] = ""
        let roster = try write("id,role_arn\ns01,arn:aws:iam::200000000001:role/ecslab-grader\n", named: "class.csv")
        let outcome = try BuiltExecutable("ecslab").run(
            ["grade", "--roster", roster.path, "--endpoint-url", "http://127.0.0.1:9"], environment: environment)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.hasPrefix("ecslab: No AWS credentials found"), outcome.standardError)
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
    }

    func testMergingAFolderWithoutGradesSaysWhichFile() throws {
        let empty = try TestEnvironment.temporaryFolder("ecslab-no-grades")
        let outcome = try BuiltExecutable("ecslab").run(["grade", "merge", empty.path, "--out", empty.path + "-merged"], environment: try environment())
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.hasPrefix("ecslab: cannot read \(empty.path)/grades.json: "), outcome.standardError)
        XCTAssertEqual(outcome.standardError.split(separator: "\n").count, 1, outcome.standardError)
    }

    func testTheTrustPolicyNeedsToKnowWhoGrades() throws {
        let ecslab = try BuiltExecutable("ecslab")
        let missing = try ecslab.run(["grader-policy", "--part", "trust"], environment: try environment())
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.standardError.contains("--grader-account"), missing.standardError)
        let made = try ecslab.run(["grader-policy", "--part", "trust", "--grader-account", "111111111111"], environment: try environment())
        XCTAssertEqual(made.status, 0, made.standardError)
        let id = try XCTUnwrap(made.standardError.firstMatch(of: /external id: (ecslab-[0-9a-f]{32})/)?.1, made.standardError)
        XCTAssertTrue(made.standardOutput.contains("\"sts:ExternalId\": \"\(id)\""), made.standardOutput)
    }
}

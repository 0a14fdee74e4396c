import Foundation
import TestSupport
import XCTest

/// The feature lesson, which uses every part of the formats, run by the real
/// `ecslab selftest` against a moto server: 0 before, full marks after `do`,
/// a second `do` that changes nothing, and a cleanup that leaves nothing.
final class SelftestEndToEndTests: XCTestCase {
    var fixture: URL {
        TestEnvironment.projectRoot.appendingPathComponent("Tests/CourseTests/Fixtures/feature")
    }

    func environment() throws -> [String: String] {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-state-\(UUID().uuidString)")
        return [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "ap-northeast-1",
            "XDG_STATE_HOME": state.path, "ECSLAB_LANG": "en", "NO_COLOR": "1",
            "AWS_CONFIG_FILE": state.appendingPathComponent("none").path,
            "AWS_SHARED_CREDENTIALS_FILE": state.appendingPathComponent("none").path,
        ]
    }

    func testFeatureLessonPassesSelftestAgainstMoto() throws {
        let moto = try TestEnvironment.motoURL()
        let ecslab = try BuiltExecutable("ecslab")
        let outcome = try ecslab.run(
            ["selftest", "--endpoint-url", moto, "--course", fixture.path], environment: try environment())
        XCTAssertEqual(outcome.status, 0, outcome.standardOutput + outcome.standardError)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        let summary = try XCTUnwrap(lines.first { $0.hasPrefix("selftest feature:") })
        XCTAssertTrue(summary.hasPrefix("selftest feature: 8 steps, 11 checks, "), summary)
        XCTAssertTrue(summary.hasSuffix(" API calls: passed"), summary)
        XCTAssertEqual(lines.last, "selftest: 1 passed, 0 failed")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Left: nothing.") }, outcome.standardOutput)
        XCTAssertTrue(lines.contains("$ aws ec2 delete-vpc --vpc-id \(try vpcID(in: lines))"))
        print(summary)
    }

    /// The course's own lessons that plain moto can run whole.
    func testCourseLessonsPassSelftestOnMoto() throws {
        let moto = try TestEnvironment.motoURL()
        let outcome = try BuiltExecutable("ecslab").run(
            ["selftest", "--endpoint-url", moto, "shipping"], environment: try environment())
        XCTAssertEqual(outcome.status, 0, outcome.standardOutput + outcome.standardError)
        for lesson in ["ecs-anatomy", "iam-roles", "network", "web-app"] {
            let run = try BuiltExecutable("ecslab").run(["selftest", "--endpoint-url", moto, lesson], environment: try environment())
            XCTAssertEqual(run.status, 0, run.standardOutput + run.standardError)
            let summary = run.standardOutput.split(separator: "\n").first { $0.hasPrefix("selftest \(lesson):") }.map(String.init) ?? ""
            XCTAssertTrue(summary.hasSuffix(" API calls: passed"), summary)
            print(summary)
        }
    }

    /// A plain moto has no ECS agent: selftest says so at once, and the
    /// lessons that need one pass without waiting for what cannot happen.
    func testLessonsThatNeedAnECSAgentSaySoAndDoNotWaitOnMoto() throws {
        let moto = try TestEnvironment.motoURL()
        let run = try BuiltExecutable("ecslab").run(["selftest", "--endpoint-url", moto, "--region", "sa-east-1", "clusters"], environment: try environment())
        XCTAssertEqual(run.status, 0, run.standardOutput + run.standardError)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, """
            selftest: no ECS agent runs on this endpoint (moto alone), so in clusters the steps and checks that need one are not \
            applicable; ecslab --sandbox selftest simulates one.
            """)
        XCTAssertTrue(lines.contains("skipped: no ECS agent registers instances on this endpoint (moto alone); the sandbox (--sandbox) simulates one, and AWS has one"), run.standardOutput)
        XCTAssertTrue(lines.contains { $0.hasPrefix("selftest clusters: 10 steps, 8 checks, ") && $0.hasSuffix(" API calls: passed") }, run.standardOutput)
    }

    func testLintOfTheFeatureLessonIsClean() throws {
        let outcome = try BuiltExecutable("ecslab").run(["lint", fixture.path])
        XCTAssertEqual(outcome.standardOutput, "lint: 1 lessons and 10 checks, no problems\n")
        XCTAssertEqual(outcome.status, 0)
    }

    func testLintReportsEachProblemAtItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessonFolder = folder.appendingPathComponent("lessons/01-x")
        try FileManager.default.createDirectory(at: lessonFolder, withIntermediateDirectories: true)
        try Data(
            """
            id: x
            order: 1
            title: {zh: 甲, en: X}
            summary: {zh: 甲, en: X}
            steps:
              - id: s
                title: {zh: 甲, en: X}
                explain: {zh: 甲, en: X}
                calls:
                  - call: ec2:CreateVpcs
                    params: {CidrBlock: 10.0.0.0/16}
                    undo: {call: ec2:DeleteVpc, params: {VpcId: "${vpc}"}}
            """.utf8
        ).write(to: lessonFolder.appendingPathComponent("lesson.yaml"))
        let outcome = try BuiltExecutable("ecslab").run(["lint", folder.path])
        XCTAssertEqual(
            outcome.standardOutput,
            """
            lessons/01-x/lesson.yaml:10:9: error: ec2 has no operation 'CreateVpcs' (did you mean 'CreateVpc'?)
            lessons/01-x/lesson.yaml:12:53: error: the undo of a call of step 's' uses ${vpc}, which is not defined (define it under 'variables')
            lint: 2 problems

            """)
        XCTAssertEqual(outcome.status, 1)
    }

    private func vpcID(in lines: [String]) throws -> String {
        let saved = try XCTUnwrap(lines.first { $0.hasPrefix("  saved vpc_id = ") })
        return String(saved.dropFirst("  saved vpc_id = ".count))
    }
}

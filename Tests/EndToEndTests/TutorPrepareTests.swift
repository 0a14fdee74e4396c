import Foundation
import XCTest

/// `prepare` has the tutor do the earlier lessons the current one builds on,
/// after one question, and leaves the learner where they were.
final class TutorPrepareTests: XCTestCase {
    func testPrepareDoesTheRequiredLessonsAfterOneQuestion() throws {
        let fixture = try SandboxTutorFixture(natGatewaySeconds: 1)
        let outcome = try fixture.ecslab.run(
            ["--sandbox", "--lang", "en"], standardInput: "start clusters\nprepare\ny\nlessons\nprepare\nquit\ny\n",
            environment: try fixture.environment)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        func index(_ text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
        XCTAssertNotNil(index("do them first: iam-roles, network (type start iam-roles). Or type prepare to have the tutor do them for you."))
        let asked = try XCTUnwrap(index(
            "The tutor will do these lessons for you: iam-roles, network. Some of what they create is billed by the hour (about $0.067 an hour). Go ahead? [y/N]"))
        let done = try XCTUnwrap(index("Everything clusters builds on is in place. Type show to go on with the lesson."))
        XCTAssertTrue(lines[asked..<done].contains("== network/nat-gateway: The NAT gateway in a public subnet (billed by the hour) =="))
        XCTAssertTrue(lines[asked..<done].contains("Score: 14/14 (100%): 5 passed, 0 failed, 0 skipped, 0 errors"))
        XCTAssertTrue(lines.contains("3. iam-roles  IAM roles for ECS  6/6 done"), outcome.standardOutput)
        XCTAssertTrue(lines.contains("4. network  The network  7/7 done"), outcome.standardOutput)
        XCTAssertTrue(lines.contains("5. clusters  Clusters: Fargate and EC2  0/10 done"), outcome.standardOutput)
        XCTAssertNotNil(index("Everything clusters builds on is done already; nothing to prepare."))
        XCTAssertNotNil(index("Deleted 2 resources, saving about $0.067 an hour."))
        // The learner is still at the lesson they started.
        let progress = try String(contentsOf: fixture.state.appendingPathComponent("ecslab/progress/123456789012-ap-northeast-1.json"), encoding: .utf8)
        XCTAssertTrue(progress.contains("\"lesson\": \"clusters\",\n  \"step\": \"two-kinds\""), progress)
    }
}

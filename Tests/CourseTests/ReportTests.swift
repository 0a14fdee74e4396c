@testable import Course
import JSON
import XCTest

final class ReportTests: XCTestCase {
    func results() async throws -> [CheckResult] {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        return await fixture.checkRunner().run(fixture.content.checks(of: "net"), all: fixture.content.checks, scope: fixture.scope())
    }

    func testTextReportInEnglish() async throws {
        let text = TextReport(language: .en).render(try await results())
        XCTAssertEqual(
            text,
            """
              ✗ vpc-exists  The VPC exists  0/2
                  Expected equal to 1, found 0
                  expected: equal to 1
                  found:    0
                  hint:     Hint
                  docs:     https://docs.aws.amazon.com/vpc/latest/userguide/create-vpc.html
              - vpc-dns     DNS hostnames  0/1
                  skipped: it depends on vpc-exists, which did not pass
            Score: 0/3 (0%): 0 passed, 1 failed, 1 skipped, 0 errors
            """)
    }

    func testTextReportInChineseWithColours() async throws {
        let text = TextReport(language: .zh, colors: true).render(try await results())
        XCTAssertTrue(text.hasPrefix("  \u{1B}[31m✗\u{1B}[0m vpc-exists  VPC 存在  0/2\n      期望 等于 1，实际 0\n      期望： 等于 1"), text)
        XCTAssertTrue(text.hasSuffix("得分：0/3（0%），通过 0，未通过 1，跳过 1，出错 0"), text)
    }

    func testJSONReport() async throws {
        let json = JSONReport(language: .en).render(try await results())
        XCTAssertEqual(json["score"], 0)
        XCTAssertEqual(json["possible"], 3)
        XCTAssertEqual(json["checks"]?[0]?["status"], "failed")
        XCTAssertEqual(json["checks"]?[0]?["failures"]?[0]?["expected"], "equal to 1")
        XCTAssertEqual(json["checks"]?[0]?["failures"]?[0]?["actual"], "0")
        XCTAssertEqual(json["checks"]?[1]?["message"], "skipped: it depends on vpc-exists, which did not pass")
    }

    func testJUnitReport() async throws {
        var results = try await results()
        results = results.map { var result = $0; result.durationSeconds = 0.25; return result }
        XCTAssertEqual(
            JUnitReport(language: .en).render(results, learner: "learner <1>"),
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="ecslab learner &lt;1&gt;" tests="2" failures="1" errors="0" skipped="1">
              <testsuite name="net" tests="2" failures="1" errors="0" skipped="1" time="0.5">
                <testcase classname="net" name="vpc-exists" time="0.25">
                  <failure message="Expected equal to 1, found 0">Hint</failure>
                </testcase>
                <testcase classname="net" name="vpc-dns" time="0.25">
                  <skipped message="skipped: it depends on vpc-exists, which did not pass"/>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    func testPoints() {
        XCTAssertEqual(GradeSummary.points(2), "2")
        XCTAssertEqual(GradeSummary.points(1.5), "1.5")
        XCTAssertEqual(GradeSummary.points(0.33), "0.33")
    }
}

import Course
import JSON
import TestSupport
import XCTest

/// Every class report, rendered from one hand-built class in both languages
/// and kept as snapshots, and the properties a snapshot would let slip.
final class ClassReportTests: XCTestCase {
    private let folder = "Tests/CourseTests/Snapshots"

    func testEveryReportMatchesItsSnapshotInBothLanguages() throws {
        for language in Language.allCases {
            let grade = ClassGradeFixture.grade(language)
            let prefix = "class/\(language.rawValue)"
            try Snapshot.assert(ClassSummaryMarkdown().render(grade), named: "\(prefix)/summary.md", in: folder)
            try Snapshot.assert(ClassGradesCSV().render(grade), named: "\(prefix)/grades.csv", in: folder)
            try Snapshot.assert(ClassJUnitReport().render(grade), named: "\(prefix)/junit.xml", in: folder)
            try Snapshot.assert(ClassHeatMapPage().render(grade), named: "\(prefix)/report.html", in: folder)
            for learner in grade.learners {
                try Snapshot.assert(
                    text(ClassroomAutogradingResult().render(learner, in: grade)), named: "\(prefix)/classroom-\(learner.id).json", in: folder)
                try Snapshot.assert(text(GradescopeResult().render(learner, in: grade)), named: "\(prefix)/gradescope-\(learner.id).json", in: folder)
            }
        }
    }

    func testTheCSVQuotesAHostileNameAsRFC4180Says() {
        let csv = ClassGradesCSV().render(ClassGradeFixture.grade(.en))
        let rows = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(rows[0], "id,name,account,region,status,network,clusters,total,possible,percent")
        XCTAssertEqual(rows[2], #"s02,"Learner ""Two"", <script>alert(1)</script>",222222222222,eu-west-1,graded,3.5,0,3.5,7,50"#)
        XCTAssertEqual(rows[3], "s03,Learner Three,,us-east-1,not-graded,,,,,")
        XCTAssertEqual(rows.last, "", "the file ends with a line end")
    }

    func testTheCSVKeepsASpreadsheetFromRunningANameAsAFormula() {
        var grade = ClassGradeFixture.grade(.en)
        grade.learners[0].name = "=HYPERLINK(\"http://example.com\")"
        let row = ClassGradesCSV().render(grade).components(separatedBy: "\r\n")[1]
        XCTAssertTrue(row.hasPrefix(#"s01,"'=HYPERLINK(""http://example.com"")",111111111111"#), row)
    }

    func testTheSummaryEscapesATableCell() {
        let markdown = ClassSummaryMarkdown().render(ClassGradeFixture.grade(.en))
        XCTAssertTrue(markdown.contains(#"| s01 | Learner One\|Group A | 111111111111 |"#), markdown)
        XCTAssertTrue(markdown.contains("&lt;script>alert(1)&lt;/script>"), markdown)
        XCTAssertTrue(markdown.hasSuffix("3 learners: 2 graded, 1 not graded.\n"), markdown)
    }

    func testAClassroomResultScoresAddUpToTheLearnersScore() throws {
        let grade = ClassGradeFixture.grade(.en)
        for learner in grade.learners where learner.isGraded {
            let result = ClassroomAutogradingResult().render(learner, in: grade)
            XCTAssertEqual(result["version"]?.intValue, 1)
            XCTAssertEqual(result["max_score"]?.intValue, learner.possible)
            let tests = try XCTUnwrap(result["tests"]?.arrayValue)
            XCTAssertEqual(tests.compactMap { $0["score"]?.doubleValue }.reduce(0, +), learner.score)
            XCTAssertEqual(tests.compactMap { $0["max_score"]?.intValue }.reduce(0, +), learner.possible)
            XCTAssertFalse(tests.contains { $0["test_code"]?.stringValue == "clusters/image-built" && learner.id == "s02" }, "not applicable is left out")
            XCTAssertEqual(result["ecslab"]?["account"]?.stringValue, learner.account)
        }
        let partial = ClassroomAutogradingResult().render(grade.learners[1], in: grade)
        XCTAssertEqual(partial["status"]?.stringValue, "error")
        let failed = try XCTUnwrap(partial["tests"]?.arrayValue?.first { $0["test_code"]?.stringValue == "network/public-subnets" })
        XCTAssertEqual(failed["status"]?.stringValue, "fail")
        XCTAssertEqual(failed["filename"]?.stringValue, "checks/04-network.yaml")
        XCTAssertEqual(failed["message"]?.stringValue, "Public subnets: expected 2, found 1")
        XCTAssertEqual(ClassroomAutogradingResult().render(grade.learners[0], in: grade)["status"]?.stringValue, "pass")

        let notGraded = ClassroomAutogradingResult().render(grade.learners[2], in: grade)
        XCTAssertEqual(notGraded["status"]?.stringValue, "error")
        XCTAssertEqual(notGraded["tests"]?.arrayValue?.count, 0)
        XCTAssertEqual(notGraded["max_score"]?.intValue, 8)
    }

    func testAGradescopeResultScoresAddUpAndSayWhenALearnerWasNotGraded() throws {
        let grade = ClassGradeFixture.grade(.en)
        for learner in grade.learners where learner.isGraded {
            let result = GradescopeResult().render(learner, in: grade)
            let tests = try XCTUnwrap(result["tests"]?.arrayValue)
            XCTAssertEqual(result["score"]?.doubleValue, learner.score)
            XCTAssertEqual(tests.compactMap { $0["score"]?.doubleValue }.reduce(0, +), learner.score)
            XCTAssertEqual(tests.compactMap { $0["max_score"]?.intValue }.reduce(0, +), learner.possible)
            XCTAssertNil(result["max_score"], "Gradescope has no top-level max_score")
            XCTAssertEqual(result["extra_data"]?["graded"]?.boolValue, true)
            XCTAssertEqual(result["extra_data"]?["ecslab"]?.stringValue, "0.9.0")
        }
        let failed = try XCTUnwrap(GradescopeResult().render(grade.learners[1], in: grade)["tests"]?.arrayValue?[1])
        XCTAssertEqual(failed["status"]?.stringValue, "failed")
        XCTAssertEqual(failed["number"]?.stringValue, "1.2")
        XCTAssertTrue(failed["output"]?.stringValue?.contains("expected: 2\nfound: 1") == true, failed.text)

        let notGraded = GradescopeResult().render(grade.learners[2], in: grade)
        XCTAssertEqual(notGraded["score"]?.doubleValue, 0)
        XCTAssertEqual(notGraded["extra_data"]?["graded"]?.boolValue, false)
        XCTAssertEqual(notGraded["output"]?.stringValue, "not graded: could not assume the role ecslab-grader: AccessDenied")
    }

    func testThePageShowsAHostileNameAsText() {
        for language in Language.allCases {
            let html = ClassHeatMapPage().render(ClassGradeFixture.grade(language))
            XCTAssertFalse(html.contains("<script>alert"), "a roster name became markup")
            XCTAssertTrue(html.contains("Learner &quot;Two&quot;, &lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertEqual(html.components(separatedBy: "<script").count, 2, "the page's own script is its only one")
            XCTAssertFalse(html.contains("http://") || html.contains("https://docs"), "the page loads and links nothing")
            XCTAssertTrue(html.contains(#"<html lang="\#(language == .zh ? "zh-CN" : "en")">"#))
        }
    }

    func testJUnitKeepsALineBreakOfAReasonAndDropsWhatXMLCannotHold() {
        var grade = ClassGradeFixture.grade(.en)
        grade.learners[2].outcome = .notGraded(reason: "first line\r\nsecond\u{1B}[0m line")
        let xml = ClassJUnitReport().render(grade)
        // A CRLF is one Character in Swift; it once fell with the control characters.
        XCTAssertTrue(xml.contains(#"<error message="first line\#r\#nsecond[0m line"/>"#), xml)
    }

    func testGradesJSONReadsBackAsTheGradeItWasWrittenFrom() throws {
        for language in Language.allCases {
            for shard in ["1/2", nil] {
                let grade = ClassGradeFixture.grade(language, shard: shard)
                let text = ClassGradeJSON.render(grade).formatted(JSONFormat(indent: 2))
                XCTAssertEqual(try ClassGradeJSON.parse(try JSON(parsing: text)), grade)
            }
        }
    }

    private func text(_ json: JSON) -> String {
        json.formatted(JSONFormat(indent: 2)) + "\n"
    }
}

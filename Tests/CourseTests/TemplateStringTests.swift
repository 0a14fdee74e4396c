@testable import Course
import XCTest

/// `${name}` and `${lesson.name}` split a text into literal and reference
/// parts; `$${` writes `${`; anything else about a `${` is an error.
final class TemplateStringTests: XCTestCase {
    func testReferencesAndLiteralsSplitWhereTheyMeet() throws {
        XCTAssertEqual(try TemplateString(parsing: "vpc ${vpc_id} in ${network.region}!").parts, [
            .literal("vpc "), .reference(VariableReference(name: "vpc_id")), .literal(" in "),
            .reference(VariableReference(lesson: "network", name: "region")), .literal("!"),
        ])
        XCTAssertEqual(try TemplateString(parsing: "${a}${b}").references.map(\.name), ["a", "b"])
        XCTAssertEqual(try TemplateString(parsing: "${名前}の${x-y}").references.map(\.name), ["名前", "x-y"])
        XCTAssertEqual(try TemplateString(parsing: "${only}").wholeReference, VariableReference(name: "only"))
    }

    func testTextWithoutAReferenceIsOneLiteral() throws {
        for text in ["", "plain", "$ and { apart", "cost $5 {per hour}", "中文 $"] {
            XCTAssertEqual(try TemplateString(parsing: text).parts, [.literal(text)], text)
            XCTAssertFalse(TemplateString.mayHoldReference(text), text)
        }
        XCTAssertTrue(TemplateString.mayHoldReference("a ${b}"))
        XCTAssertTrue(TemplateString.mayHoldReference("$${"))
    }

    func testADoubledDollarWritesTheOpeningItself() throws {
        XCTAssertEqual(try TemplateString(parsing: "echo $${HOME} ${x}").parts, [
            .literal("echo ${HOME} "), .reference(VariableReference(name: "x")),
        ])
    }

    func testAnUnclosedOrMalformedReferenceIsRefused() {
        XCTAssertThrowsError(try TemplateString(parsing: "a ${open"))
        XCTAssertThrowsError(try TemplateString(parsing: "${1abc}"))
        XCTAssertThrowsError(try TemplateString(parsing: "${a.b.c}"))
        XCTAssertThrowsError(try TemplateString(parsing: "${}"))
        XCTAssertThrowsError(try TemplateString(parsing: "${a b}"))
    }

    /// Found by CourseLoaderFuzzTests: the message quoted the whole text (or
    /// name), line breaks and all, so one diagnostic took several lines.
    func testTheMessageQuotesTheTextOnOneShortLine() {
        let text = "first line ${open\nsecond line\n" + String(repeating: "x", count: 200)
        XCTAssertThrowsError(try TemplateString(parsing: text)) { error in
            XCTAssertEqual("\(error)", "'${' without a closing '}' in \"first line ${open\\nsecond line\\n\(String(repeating: "x", count: 30))…\"")
        }
        XCTAssertThrowsError(try TemplateString(parsing: "${a\nb}")) { error in
            XCTAssertEqual("\(error)", "'${a\\nb}' is not a variable name (letters, digits, '_' and '-', optionally 'lesson.name')")
        }
    }
}

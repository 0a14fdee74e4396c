import JMESPath
import JSON
import XCTest

/// Errors carry the suite's kind, one clear sentence, and for anything with
/// a place in the expression, the column and a caret under it.
final class ErrorReportingTests: XCTestCase {
    private func compileError(_ expression: String, file: StaticString = #filePath, line: UInt = #line) -> JMESPathError? {
        do {
            _ = try JMESPathExpression(expression)
            XCTFail("\(expression) compiled", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testASyntaxErrorShowsTheColumnAndACaret() throws {
        let error = try XCTUnwrap(compileError("foo.]"))
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.column, 5)
        XCTAssertEqual(error.line, 1)
        XCTAssertEqual(error.message, "expected an identifier, '*', '[' or '{' after '.' but found ']'")
        XCTAssertEqual(
            error.description,
            """
            syntax error at column 5: expected an identifier, '*', '[' or '{' after '.' but found ']'
            foo.]
                ^
            """)
    }

    func testAnIncompleteExpressionPointsPastItsEnd() throws {
        let error = try XCTUnwrap(compileError("foo.bar |"))
        XCTAssertEqual(
            error.description,
            """
            syntax error at column 10: the expression is incomplete
            foo.bar |
                     ^
            """)
        XCTAssertEqual(compileError("")?.description, "syntax error at column 1: the expression is incomplete\n\n^")
    }

    func testLexicalErrors() {
        XCTAssertEqual(compileError("foo # bar")?.message, "unexpected character '#'")
        XCTAssertEqual(compileError("foo # bar")?.column, 5)
        XCTAssertEqual(compileError("a == `[1, 2")?.message, "the literal is not closed")
        XCTAssertEqual(compileError("a == `[1, 2")?.column, 6)
        XCTAssertEqual(compileError("a == `\"b`")?.message, "the literal is not valid JSON")
        XCTAssertEqual(compileError("\"foo")?.message, "the quoted identifier is not closed")
        XCTAssertEqual(compileError("\"\\x\"")?.message, "the quoted identifier is not a valid JSON string")
        XCTAssertEqual(compileError("'abc")?.message, "the raw string is not closed")
        XCTAssertEqual(compileError("foo[-]")?.message, "'-' must be followed by a number")
        XCTAssertEqual(compileError("foo[99999999999999999999]")?.message, "the number is too large")
        XCTAssertEqual(compileError("a\u{7}")?.message, "unexpected character U+0007")
    }

    func testColumnsCountCharactersAndTabsStayTabs() throws {
        let error = try XCTUnwrap(compileError("\"h\u{E9}llo\" ]"))
        XCTAssertEqual(error.column, 9)
        XCTAssertEqual(error.description.split(separator: "\n").last, "        ^")
        let tabbed = try XCTUnwrap(compileError("a\t| ]"))
        XCTAssertEqual(tabbed.description.split(separator: "\n").last, " \t  ^")
    }

    func testAnErrorOnALaterLineGivesTheLineAndShowsOnlyIt() throws {
        let error = try XCTUnwrap(compileError("let $a = a\nin $a.]"))
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(error.column, 7)
        XCTAssertEqual(
            error.description,
            """
            syntax error at line 2, column 7: expected an identifier, '*', '[' or '{' after '.' but found ']'
            in $a.]
                  ^
            """)
    }

    func testFunctionNamesAndArgumentCountsAreCheckedWhenCompiling() throws {
        let unknown = try XCTUnwrap(compileError("items[?lenght(name) > `3`]"))
        XCTAssertEqual(unknown.kind, .unknownFunction)
        XCTAssertEqual(unknown.message, "unknown function lenght()")
        XCTAssertEqual(unknown.column, 8)

        let arity = try XCTUnwrap(compileError("abs(`1`, `2`)"))
        XCTAssertEqual(arity.kind, .invalidArity)
        XCTAssertEqual(arity.message, "abs() takes 1 argument but was given 2")
        XCTAssertEqual(compileError("not_null()")?.message, "not_null() takes at least 1 argument but was given 0")
        XCTAssertEqual(compileError("starts_with('a')")?.message, "starts_with() takes 2 arguments but was given 1")
        XCTAssertEqual(compileError("\"abs\"(`1`)")?.message, "a function name cannot be a quoted identifier")
        XCTAssertEqual(compileError("@(`1`)")?.message, "only a function name can be followed by '('")
    }

    func testASyntaxErrorWinsOverAnUnknownFunctionBeforeIt() {
        let error = compileError("nope(@) ]")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.message, "unexpected ']' after a complete expression")
    }

    func testTypeErrorsPointAtTheFunction() throws {
        let error = try XCTUnwrap(assertSearchFails("[a, abs(b)]", #"{"a": 1, "b": "x"}"#, kind: .invalidType))
        XCTAssertEqual(error.message, "abs() expects a number as argument 1, but was given a string")
        XCTAssertEqual(error.column, 5)
        XCTAssertEqual(
            assertSearchFails("sum(@)", "[1, true]", kind: .invalidType)?.message,
            "sum() expects an array of numbers as argument 1, but was given an array of boolean and number values")
        XCTAssertEqual(
            assertSearchFails("max(@)", #"[1, "a"]"#, kind: .invalidType)?.message,
            "max() expects an array of numbers or an array of strings as argument 1, "
                + "but was given an array of number and string values")
        XCTAssertEqual(
            assertSearchFails("sort_by(@, &a)", #"[{"a": 1}, {"a": "x"}]"#, kind: .invalidType)?.message,
            "sort_by() needs the expression to give a number for every element, but it gave a string for element 2")
        XCTAssertEqual(
            assertSearchFails("max_by(@, &a)", #"[{"a": true}]"#, kind: .invalidType)?.message,
            "max_by() needs the expression to give a number or a string for every element, "
                + "but it gave a boolean (true) for element 1")
        XCTAssertEqual(
            assertSearchFails("map(@, @)", "[]", kind: .invalidType)?.message,
            "map() expects an expression reference (&...) as argument 1, but was given an empty array")
        XCTAssertEqual(
            assertSearchFails("length(&a)", "[]", kind: .invalidType)?.message,
            "length() expects a string, an array or an object as argument 1, "
                + "but was given an expression reference (&...)")
    }

    func testAnExpressionReferenceOutsideAFunctionHasNoPosition() throws {
        let error = try XCTUnwrap(assertSearchFails("&a", kind: .invalidType))
        XCTAssertNil(error.column)
        XCTAssertEqual(error.description, "invalid-type error: an expression reference (&...) can only be a function argument")
    }

    func testAZeroSliceStepIsAnInvalidValue() throws {
        let error = try XCTUnwrap(assertSearchFails("a[::0]", #"{"a": [1]}"#, kind: .invalidValue))
        XCTAssertEqual(error.message, "a slice step cannot be 0")
        XCTAssertEqual(error.column, 2)
        // As in the reference implementation, only slicing an array raises it.
        assertSearch("a[::0]", #"{"a": "text"}"#, gives: "null")
    }

    func testDeepNestingIsRefusedInsteadOfExhaustingTheStack() {
        let parentheses = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
        XCTAssertEqual(compileError(parentheses)?.message, "the expression nests more than 256 levels deep")
        XCTAssertEqual(compileError(parentheses)?.column, 257)
        let pipes = Array(repeating: "a", count: 100_000).joined(separator: "|")
        XCTAssertEqual(compileError(pipes)?.message, "the expression is more than 512 operations deep")
        XCTAssertEqual(compileError(String(repeating: "!", count: 100_000) + "a")?.kind, .syntax)
        XCTAssertEqual(compileError(String(repeating: "[", count: 100_000))?.kind, .syntax)
        XCTAssertEqual(compileError(String(repeating: "{a:", count: 100_000))?.kind, .syntax)
        XCTAssertEqual(compileError(String(repeating: "abs(", count: 100_000))?.kind, .syntax)
        XCTAssertEqual(compileError(String(repeating: "let $a = ", count: 100_000))?.kind, .syntax)
        XCTAssertEqual(compileError("a" + String(repeating: "[0]", count: 100_000))?.kind, .syntax)
        // The deepest expressions allowed still evaluate.
        assertSearch(Array(repeating: "a", count: 500).joined(separator: "|"), #"{"a": {"a": 1}}"#, gives: "null")
        assertSearch(String(repeating: "(", count: 250) + "a" + String(repeating: ")", count: 250), #"{"a": 1}"#, gives: "1")
    }
}

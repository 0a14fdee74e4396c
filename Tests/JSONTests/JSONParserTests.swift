import JSON
import XCTest

final class JSONParserTests: XCTestCase {
    func testParsesEveryKind() throws {
        let value = try JSON(parsing: #" {"a": [1, -2.5, 1e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}} "#)
        XCTAssertEqual(value["a"]?[0], .integer(1))
        XCTAssertEqual(value["a"]?[1], .double(-2.5))
        XCTAssertEqual(value["a"]?[2], .double(1000))
        XCTAssertEqual(value["a"]?[3], .bool(true))
        XCTAssertEqual(value["a"]?[5], .null)
        XCTAssertEqual(value["a"]?[6], .string("x\né😀"))
        XCTAssertEqual(value["b"], .object(JSONObject()))
    }

    func testExplicitNullIsNotAbsent() throws {
        let value = try JSON(parsing: #"{"present": null}"#)
        XCTAssertEqual(value["present"], .some(.null))
        XCTAssertNil(value["missing"])
    }

    func testKeepsKeyOrderAndExactIntegers() throws {
        let value = try JSON(parsing: #"{"z": 1, "a": 9007199254740993, "m": 3}"#)
        XCTAssertEqual(value.objectValue?.keys, ["z", "a", "m"])
        XCTAssertEqual(value["a"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(value.text, #"{"z":1,"a":9007199254740993,"m":3}"#)
    }

    func testIntegerTooLargeForIntBecomesDouble() throws {
        XCTAssertEqual(try JSON(parsing: "123456789012345678901234567890"), .double(1.2345678901234568e29))
    }

    /// Found by JSONFuzzTests: `1e999` parsed to an infinity, which prints as
    /// `Infinity` and never parses back.
    func testRefusesNumbersBeyondTheRangeOfADouble() {
        for text in ["1e999", "-1e999", "[0, 1E+400]", String(repeating: "9", count: 400)] {
            XCTAssertThrowsError(try JSON(parsing: text), text) { error in
                XCTAssertEqual((error as? JSONParseError)?.message, "number too large for a double", text)
            }
        }
        XCTAssertThrowsError(try JSON(parsing: "[0, 1E+400]")) { error in
            XCTAssertEqual((error as? JSONParseError)?.column, 5, "points at the number")
        }
        XCTAssertEqual(try JSON(parsing: "1e-400"), .double(0))
        XCTAssertEqual(try JSON(parsing: "1.7976931348623157e308"), .double(.greatestFiniteMagnitude))
    }

    func testDuplicateKeyKeepsFirstPositionAndLastValue() throws {
        let value = try JSON(parsing: #"{"a": 1, "b": 2, "a": 3}"#)
        XCTAssertEqual(value.text, #"{"a":3,"b":2}"#)
    }

    func testErrorsGiveLineAndColumn() {
        XCTAssertThrowsError(try JSON(parsing: "{\n  \"a\": tru\n}")) { error in
            let parseError = error as? JSONParseError
            XCTAssertEqual(parseError?.line, 2)
            XCTAssertEqual(parseError?.column, 8)
            XCTAssertEqual(parseError?.message, "invalid literal, expected 'true'")
        }
    }

    func testRejectsMalformedDocuments() {
        let bad = ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"abc", "\"\u{01}\"", "[1] 2", "{\"a\":1,}", "\"\\x\"", "nul"]
        for text in bad {
            XCTAssertThrowsError(try JSON(parsing: text), "accepted \(text.debugDescription)")
        }
    }

    func testRefusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: JSON.maximumDepth + 1) + String(repeating: "]", count: JSON.maximumDepth + 1)
        XCTAssertThrowsError(try JSON(parsing: deep))
        let fine = String(repeating: "[", count: JSON.maximumDepth) + String(repeating: "]", count: JSON.maximumDepth)
        XCTAssertNoThrow(try JSON(parsing: fine))
    }

    func testLoneSurrogateBecomesReplacementCharacter() throws {
        XCTAssertEqual(try JSON(parsing: #""\ud800x""#), .string("\u{FFFD}x"))
    }

    func testParsesBytes() throws {
        XCTAssertEqual(try JSON(parsing: Array("[1]".utf8)), .array([.integer(1)]))
    }
}

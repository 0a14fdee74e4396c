import JSON
import XCTest

/// Members found without parsing their values hold the same values a full
/// parse gives, and text that is not an object is refused with a place.
final class JSONObjectTextTests: XCTestCase {
    func testMembersParseToWhatTheWholeDocumentHolds() throws {
        let text = #"{"a": {"b": [1, "}]\"", {"c": null}], "d": true}, "e" : -1.5e3 , "f\u00e9": "x\\y", "g": []}"#
        let members = try JSONObjectText(text)
        let whole = try JSON(parsing: text)
        XCTAssertEqual(members.keys, ["a", "e", "fé", "g"])
        for key in members.keys {
            XCTAssertEqual(try members.value(key), whole[key], key)
        }
        XCTAssertNil(try members.value("missing"))
        let nested = try XCTUnwrap(try members.object("a"))
        XCTAssertEqual(nested.keys, ["b", "d"])
        XCTAssertEqual(try nested.value("d"), .bool(true))
    }

    func testAnEmptyObjectHasNoMembers() throws {
        XCTAssertEqual(try JSONObjectText(" { } ").keys, [])
        XCTAssertEqual(JSONObjectText.empty.keys, [])
    }

    func testTextThatIsNotAnObjectIsRefused() {
        for text in ["[1]", "{\"a\" 1}", "{\"a\": [1, 2}", "{\"a\": \"open", "{\"a\": 1,", "{a: 1}"] {
            XCTAssertThrowsError(try JSONObjectText(text), text) { error in
                XCTAssertTrue(error is JSONParseError, "\(text): \(error)")
            }
        }
    }

    func testAValueBrokenInsideIsRefusedWhenItIsParsed() throws {
        let members = try JSONObjectText(#"{"good": 1, "bad": [tru]}"#)
        XCTAssertEqual(try members.value("good"), .integer(1))
        XCTAssertThrowsError(try members.value("bad"))
    }
}

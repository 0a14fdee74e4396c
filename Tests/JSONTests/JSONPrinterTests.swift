import JSON
import XCTest

final class JSONPrinterTests: XCTestCase {
    let sample: JSON = ["b": [1, 2.5, "é\"\\\n\u{01}"], "a": nil, "c": [:], "d": []]

    func testCompact() {
        XCTAssertEqual(sample.text, #"{"b":[1,2.5,"é\"\\\n\u0001"],"a":null,"c":{},"d":[]}"#)
    }

    func testAWSCLIFormatIndentsFourSpaces() {
        let expected = """
            {
                "b": [
                    1,
                    2.5,
                    "é\\"\\\\\\n\\u0001"
                ],
                "a": null,
                "c": {},
                "d": []
            }
            """
        XCTAssertEqual(sample.formatted(.awsCLI), expected)
    }

    func testSortedKeysAndSpacedSeparators() {
        let format = JSONFormat(sortKeys: true, spacedSeparators: true)
        XCTAssertEqual(sample.formatted(format), #"{"a": null, "b": [1, 2.5, "é\"\\\n\u0001"], "c": {}, "d": []}"#)
    }

    func testDoublesPrintAsPythonReprDoes() {
        XCTAssertEqual(JSON.double(100).text, "100.0")
        XCTAssertEqual(JSON.double(0.1).text, "0.1")
        XCTAssertEqual(JSON.double(1e-05).text, "1e-05")
        XCTAssertEqual(JSON.double(1e+20).text, "1e+20")
    }

    func testRoundTrip() throws {
        let text = #"{"x":[true,false,null,{"y":"z"}],"n":-12,"f":3.25}"#
        XCTAssertEqual(try JSON(parsing: text).text, text)
    }

    func testNumbersCompareByValue() {
        XCTAssertEqual(JSON.integer(1), JSON.double(1.0))
        XCTAssertEqual(Set<JSON>([.integer(1), .double(1.0)]).count, 1)
        XCTAssertNotEqual(JSON.integer(1), JSON.string("1"))
    }

    func testObjectEqualityIgnoresOrder() throws {
        XCTAssertEqual(try JSON(parsing: #"{"a":1,"b":2}"#), try JSON(parsing: #"{"b":2,"a":1}"#))
    }
}

final class JSONPreviewTests: XCTestCase {
    func testPreviewStopsEarlyOnHugeValues() {
        let huge = JSON.array(Array(repeating: JSON.string(String(repeating: "x", count: 1000)), count: 10_000))
        let preview = huge.preview(limit: 50)
        XCTAssertTrue(preview.hasSuffix("…"))
        XCTAssertLessThan(preview.utf8.count, 1100)
        XCTAssertEqual(JSON.array([1, 2]).preview(limit: 50), "[1,2]")
    }

    func testEscapesCRLFAsTwoEscapes() {
        XCTAssertEqual(JSON.string("a\r\nb\u{301}\"").text, #""a\r\nb́\"""#)
    }
}

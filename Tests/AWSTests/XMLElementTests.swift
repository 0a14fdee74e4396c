import AWS
import XCTest

final class XMLElementTests: XCTestCase {
    func testParsesAnSTSResponseIntoATree() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment before the root -->
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::123456789012:user/alice</Arn>
            <UserId>AIDAEXAMPLE</UserId>
            <Account>123456789012</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """
        let root = try XMLElement(parsing: text)
        XCTAssertEqual(root.name, "GetCallerIdentityResponse")
        XCTAssertEqual(root.attribute("xmlns"), "https://sts.amazonaws.com/doc/2011-06-15/")
        XCTAssertEqual(root.text, "")
        XCTAssertEqual(root.children.map(\.name), ["GetCallerIdentityResult", "ResponseMetadata"])
        XCTAssertEqual(root.text(at: "GetCallerIdentityResult", "Arn"), "arn:aws:iam::123456789012:user/alice")
        XCTAssertEqual(root.text(at: "GetCallerIdentityResult", "Account"), "123456789012")
        XCTAssertEqual(root.text(at: "ResponseMetadata", "RequestId"), "req-1")
        XCTAssertNil(root.text(at: "GetCallerIdentityResult", "Missing"))
    }

    func testResolvesEntitiesCharacterReferencesAndCDATA() throws {
        let root = try XMLElement(parsing: #"<m a="x &amp; &quot;y&quot; &#65;&#x42;">&lt;b&gt; &amp; &apos;c&apos; &#233;&#x1F600;<![CDATA[<raw> & ]]>end</m>"#)
        XCTAssertEqual(root.attribute("a"), #"x & "y" AB"#)
        XCTAssertEqual(root.text, "<b> & 'c' é😀<raw> & end")
    }

    func testKeepsTextOfLeavesExactlyAndListsRepeatedChildren() throws {
        let root = try XMLElement(parsing: "<r><item>  one </item><item/><item>two</item><other>x</other></r>")
        XCTAssertEqual(root.children(named: "item").map(\.text), ["  one ", "", "two"])
        XCTAssertEqual(root.child("other")?.text, "x")
    }

    func testKeepsNamespacePrefixesAsPlainNames() throws {
        let root = try XMLElement(parsing: #"<soap:Envelope xmlns:soap="urn:x"><soap:Body>b</soap:Body></soap:Envelope>"#)
        XCTAssertEqual(root.name, "soap:Envelope")
        XCTAssertEqual(root.localName, "Envelope")
        XCTAssertEqual(root.child("soap:Body")?.text, "b")
        XCTAssertEqual(root.attributes.map(\.name), ["xmlns:soap"])
    }

    func testSkipsCommentsAndProcessingInstructionsInsideContent() throws {
        let root = try XMLElement(parsing: "\u{FEFF}<a>x<!-- ignored --><?pi data?>y</a>\n<!-- after -->\n")
        XCTAssertEqual(root, XMLElement(name: "a", text: "xy"))
    }

    func testRefusesDocumentTypeDeclarations() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <foo>&xxe;</foo>
        """
        assertError(xxe, XMLParseError(
            message: "document type declarations (<!DOCTYPE>, <!ENTITY>) are not allowed", line: 2, column: 1, offset: 22
        ))
    }

    func testRefusesUnknownEntities() {
        assertError("<a>&xxe;</a>", XMLParseError(
            message: "unknown entity &xxe; (only the predefined entities are allowed)", line: 1, column: 4, offset: 3
        ))
    }

    func testReportsMalformedInputWithItsPosition() {
        assertError("<a>\n  <b>x</c>\n</a>", XMLParseError(message: "expected </b> but found </c>", line: 2, column: 9, offset: 12))
        assertError("<a>text", XMLParseError(message: "the element <a> is not closed", line: 1, column: 8, offset: 7))
        assertError("", XMLParseError(message: "the document has no root element", line: 1, column: 1, offset: 0))
        assertError("<a/><b/>", XMLParseError(message: "unexpected content after the root element", line: 1, column: 5, offset: 4))
        assertError("<a x='1' x='2'/>", XMLParseError(message: "the attribute x appears twice in <a>", line: 1, column: 10, offset: 9))
        assertError("<a>AT&T</a>", XMLParseError(
            message: "'&' must start an entity such as &amp; (write a literal '&' as &amp;)", line: 1, column: 6, offset: 5
        ))
        assertError("<a>&#0;</a>", XMLParseError(message: "invalid character reference &#0;", line: 1, column: 4, offset: 3))
        assertError("<a b=c/>", XMLParseError(message: "expected a quoted attribute value", line: 1, column: 6, offset: 5))
        assertError("<a><![CDATA[x</a>", XMLParseError(message: "the CDATA section is not closed", line: 1, column: 4, offset: 3))
    }

    /// Found by ResponseFuzzTests: `&` then a line break and `;` was quoted
    /// as an entity name, breaking the message over two lines.
    func testAnAmpersandBeforeALineBreakIsNotAnEntityName() {
        assertError("<a>&\n;</a>", XMLParseError(
            message: "'&' must start an entity such as &amp; (write a literal '&' as &amp;)", line: 1, column: 4, offset: 3
        ))
        assertError("<a>&a b;</a>", XMLParseError(
            message: "'&' must start an entity such as &amp; (write a literal '&' as &amp;)", line: 1, column: 4, offset: 3
        ))
    }

    /// Found by ResponseFuzzTests: a 100,000-byte element name was quoted
    /// whole in the message.
    func testMessagesCutLongNamesAndEscapeLineSeparators() {
        let long = String(repeating: "x", count: 100_000)
        assertError("<\(long)", XMLParseError(
            message: "the tag <\(String(repeating: "x", count: 60))…> is not closed", line: 1, column: 100_002, offset: 100_001
        ))
        assertError("<a\u{2028}b", XMLParseError(message: "the tag <a\\u{2028}b> is not closed", line: 1, column: 7, offset: 6))
    }

    func testCapsNestingDepth() throws {
        let deep = String(repeating: "<a>", count: 5) + String(repeating: "</a>", count: 5)
        XCTAssertNoThrow(try XMLElement(parsing: deep, maximumDepth: 5))
        assertError(deep, XMLParseError(message: "elements are nested more than 4 deep", line: 1, column: 13, offset: 12), maximumDepth: 4)

        let hostile = String(repeating: "<a>", count: 100_000)
        XCTAssertThrowsError(try XMLElement(parsing: hostile)) { error in
            XCTAssertEqual((error as? XMLParseError)?.message, "elements are nested more than 256 deep")
        }
    }

    private func assertError(
        _ text: String, _ expected: XMLParseError, maximumDepth: Int = XMLElement.maximumDepth,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try XMLElement(parsing: text, maximumDepth: maximumDepth), file: file, line: line) { error in
            XCTAssertEqual(error as? XMLParseError, expected, file: file, line: line)
        }
    }
}

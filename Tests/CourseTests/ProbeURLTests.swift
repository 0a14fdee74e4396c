import Course
import XCTest

final class ProbeURLTests: XCTestCase {
    func testSplitsAURLOnce() throws {
        let url = try XCTUnwrap(ProbeURL("http://LocalHost:3000/api/ip?x=1#top"))
        XCTAssertEqual(url.scheme, "http")
        XCTAssertEqual(url.authority, "LocalHost:3000")
        XCTAssertEqual(url.host, "localhost")
        XCTAssertEqual(url.path, "/api/ip")
        XCTAssertEqual(url.query, "x=1")
        XCTAssertEqual(url.pathAndQuery, "/api/ip?x=1")
        XCTAssertEqual(ProbeURL("https://[::1]:8443")?.host, "::1")
        XCTAssertEqual(ProbeURL("https://[::1]:8443")?.path, "/")
    }

    func testRefusesWhatHidesItsHost() {
        XCTAssertNil(ProbeURL("http://203.0.113.9@198.51.100.7/"))
        XCTAssertNil(ProbeURL("ftp://example.com/"))
        XCTAssertNil(ProbeURL("http:///path"))
        XCTAssertNil(ProbeURL("localhost:3000"))
    }
}

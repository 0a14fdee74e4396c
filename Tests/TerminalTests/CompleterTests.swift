import Terminal
import XCTest

/// Tab completion on plain strings: the command words first, then what
/// the source offers after the words typed so far.
final class CompleterTests: XCTestCase {
    private let source = CompletionSource(commands: ["open", "order", "quit"]) { words in
        words == ["open"] ? ["door", "window", "drawer"] : []
    }

    private func complete(_ line: String) -> Completer.Completion {
        Completer(source: source).complete(Substring(line))
    }

    func testCompletesACommandUniquely() {
        XCTAssertEqual(complete("q"), .init(insertion: "uit ", candidates: []))
    }

    func testListsCandidatesThatShareAPrefix() {
        XCTAssertEqual(complete("o"), .init(insertion: "", candidates: ["open", "order"]))
    }

    func testExtendsToTheCommonPrefix() {
        XCTAssertEqual(complete("open d"), .init(insertion: "", candidates: ["door", "drawer"]))
        XCTAssertEqual(complete("open dr"), .init(insertion: "awer ", candidates: []))
        XCTAssertEqual(complete("open "), .init(insertion: "", candidates: ["door", "drawer", "window"]))
    }

    func testNothingWhereTheSourceOffersNothing() {
        XCTAssertEqual(complete("quit x"), .init(insertion: "", candidates: []))
    }
}

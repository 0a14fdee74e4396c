import Foundation
import TestSupport
import XCTest

/// What every bad input must get: the exit code the README gives, exactly
/// one sentence on standard error and nothing of the machinery underneath,
/// and the learner's ledger and progress exactly as they were.
extension XCTestCase {
    /// What only a crash, a Swift error dump or raw markup would print.
    static let notForLearners = [
        "Fatal error", "Swift/", "Stack dump", "backtrace", "Error Domain=", "NSCocoaErrorDomain", "UserInfo={",
        "keyNotFound(", "CodingKeys", "DecodingError", "Optional(", "<!DOCTYPE", "<html", "<body",
    ]

    func assertOneSentence(
        _ outcome: BuiltExecutable.Outcome, status: Int32, mentioning words: [String] = [], file: StaticString = #filePath, line: UInt = #line
    ) {
        let said = outcome.standardError
        XCTAssertEqual(outcome.status, status, "exit status; standard error:\n\(said)", file: file, line: line)
        let lines = said.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertEqual(lines.count, 1, "one line on standard error, not:\n\(said)", file: file, line: line)
        guard let sentence = lines.first.map(String.init) else { return }
        XCTAssertTrue(sentence.hasPrefix("ecslab: "), sentence, file: file, line: line)
        XCTAssertTrue([".", "?", ")", "。", "？", "）"].contains { sentence.hasSuffix($0) }, "a whole sentence: \(sentence)", file: file, line: line)
        for marker in Self.notForLearners where said.range(of: marker, options: .caseInsensitive) != nil {
            XCTFail("\(marker) is nothing a learner should read: \(said)", file: file, line: line)
        }
        for word in words {
            XCTAssertTrue(said.contains(word), "the sentence names \(word): \(sentence)", file: file, line: line)
        }
    }

    func assertUnchanged(
        _ before: [String: Data], _ machine: BadInputMachine, file: StaticString = #filePath, line: UInt = #line
    ) {
        let after = machine.stateFiles()
        XCTAssertEqual(Set(after.keys), Set(before.keys), "the state folder holds the same files", file: file, line: line)
        for (path, bytes) in before where after[path] != bytes {
            XCTFail(
                "\(path) changed:\n--- before\n\(String(decoding: bytes, as: UTF8.self))\n--- after\n\(String(decoding: after[path] ?? Data(), as: UTF8.self))",
                file: file, line: line)
        }
    }
}

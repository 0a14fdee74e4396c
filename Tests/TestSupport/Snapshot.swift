import Foundation
import XCTest

/// The exact text a user sees, kept in a file beside the tests and compared
/// byte for byte. `ECSLAB_RECORD_SNAPSHOTS=1` writes the files anew instead,
/// for a person to read and commit.
public enum Snapshot {
    public static func assert(
        _ actual: String, named name: String, in folder: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let url = TestEnvironment.projectRoot.appendingPathComponent(folder).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ECSLAB_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no snapshot at \(folder)/\(name); record it with ECSLAB_RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "(end)"
            let got = first < actualLines.count ? String(actualLines[first]) : "(end)"
            XCTFail("\(folder)/\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n\(actual)", file: file, line: line)
        }
    }
}

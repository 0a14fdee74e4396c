import Foundation
import JMESPath
import JSON
import TestSupport
import XCTest

/// Every case of the JMESPath compliance suite (../shared/testdata/jmespath):
/// results compared exactly, explicit nulls included, and error kinds.
final class ComplianceTests: XCTestCase {
    func testEveryComplianceCasePasses() throws {
        let folder = try TestEnvironment.testdata("jmespath")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && $0 != "schema.json" }
            .sorted()
        XCTAssertFalse(files.isEmpty, "no suite files in \(folder.path)")

        var tally = Tally()
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            guard case .array(let groups) = try JSON(parsing: data) else {
                XCTFail("\(file) is not an array of test groups")
                continue
            }
            for group in groups {
                let given = group["given"] ?? .null
                for testCase in group["cases"]?.arrayValue ?? [] {
                    tally.run(testCase, given: given, file: file)
                }
            }
        }

        print(
            "JMESPath compliance: \(tally.results) results and \(tally.errors) errors passed, "
                + "\(tally.failures.count) failed, \(tally.skipped) skipped "
                + "(\(tally.benchmarks) benchmark cases are not counted)")
        for failure in tally.failures {
            XCTFail(failure)
        }
        XCTAssertEqual(tally.skipped, 0)
        XCTAssertGreaterThan(tally.results, 0)
        XCTAssertGreaterThan(tally.errors, 0)
    }
}

private struct Tally {
    var results = 0
    var errors = 0
    var benchmarks = 0
    var skipped = 0
    var failures: [String] = []

    static let canonical = JSONFormat(sortKeys: true)

    mutating func run(_ testCase: JSON, given: JSON, file: String) {
        guard let expression = testCase["expression"]?.stringValue else {
            skipped += 1
            failures.append("\(file): a case without an expression: \(testCase)")
            return
        }
        let label = "\(file): \(JSON.string(expression).text)"
        if testCase["bench"] != nil {
            benchmarks += 1
            return
        }
        if let expected = testCase["result"] {
            do {
                let actual = try JMESPathExpression(expression).evaluate(given)
                // Compared as text with sorted keys: stricter than value equality,
                // since an integer must not come back as a double or the reverse.
                if actual.formatted(Tally.canonical) == expected.formatted(Tally.canonical) {
                    results += 1
                } else {
                    failures.append("\(label): expected \(expected), got \(actual)")
                }
            } catch {
                failures.append("\(label): expected \(expected), got the error \(error.kind.rawValue): \(error.message)")
            }
        } else if let kind = testCase["error"]?.stringValue {
            do {
                let actual = try JMESPathExpression(expression).evaluate(given)
                failures.append("\(label): expected a \(kind) error, got \(actual)")
            } catch {
                if error.kind.rawValue == kind {
                    errors += 1
                } else {
                    failures.append("\(label): expected a \(kind) error, got \(error.kind.rawValue): \(error.message)")
                }
            }
        } else {
            skipped += 1
            failures.append("\(label): neither a result, an error nor a benchmark")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// The suites read from the shared test data (ECSLAB_TESTDATA, by default
/// ../shared/testdata) must fail, not skip, when the test command runs them
/// without it: a CI run that skipped them would pass having checked nothing.
/// They are run here as the test command would run them, by this very test
/// executable, pointed at a folder that is not there.
final class SharedTestdataTests: XCTestCase {
    private static let suites = ["AWSTests.SigV4SuiteTests", "JMESPathTests.ComplianceTests", "JMESPathTests.FuzzTests"]

    private func runSuites(required: Bool) throws -> (outcome: BuiltExecutable.Outcome, missing: String) {
        #if os(Linux)
            // SwiftPM builds every test target on Linux into this one executable.
            let tests = try BuiltExecutable("ecslabPackageTests.xctest")
            let missing = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-no-testdata-\(UUID().uuidString)").path
            let outcome = try tests.run(
                [Self.suites.joined(separator: ",")],
                environment: ["ECSLAB_TESTDATA": missing, "ECSLAB_TEST_REQUIRED": required ? "1" : ""])
            return (outcome, missing)
        #else
            throw XCTSkip("the test executable is run directly only on Linux")
        #endif
    }

    func testTheSuitesFailUnderTheTestCommandWhenTheTestdataIsMissing() throws {
        let (outcome, missing) = try runSuites(required: true)
        XCTAssertNotEqual(outcome.status, 0, outcome.standardOutput)
        for (test, folder) in [
            ("SigV4SuiteTests.testEveryHeaderCaseMatches", "sigv4"), ("ComplianceTests.testEveryComplianceCasePasses", "jmespath"),
            ("FuzzTests.testRandomAndMutatedExpressionsFailOnlyWithJMESPathErrors", "jmespath"),
        ] {
            XCTAssertTrue(
                outcome.standardOutput.contains(
                    "error: \(test) : failed - \(missing)/\(folder) (the shared test data) is missing, and the test command should have provided it"),
                "\(test) should fail saying what is missing:\n\(outcome.standardOutput)")
            XCTAssertTrue(outcome.standardOutput.contains("Test Case '\(test)' failed"), outcome.standardOutput)
        }
    }

    func testTheSuitesSkipWithoutTheTestCommand() throws {
        let (outcome, missing) = try runSuites(required: false)
        XCTAssertEqual(outcome.status, 0, outcome.standardOutput)
        for (test, folder) in [("SigV4SuiteTests.testEveryHeaderCaseMatches", "sigv4"), ("ComplianceTests.testEveryComplianceCasePasses", "jmespath")] {
            XCTAssertTrue(outcome.standardOutput.contains("Test Case '\(test)' skipped"), outcome.standardOutput)
            XCTAssertTrue(outcome.standardOutput.contains("\(missing)/\(folder) (the shared test data) is not available"), outcome.standardOutput)
        }
        // The fuzzer still has its own seed corpus.
        XCTAssertTrue(
            outcome.standardOutput.contains("Test Case 'FuzzTests.testRandomAndMutatedExpressionsFailOnlyWithJMESPathErrors' passed"),
            outcome.standardOutput)
    }
}

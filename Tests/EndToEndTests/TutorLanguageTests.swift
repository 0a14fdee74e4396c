import Foundation
import XCTest

/// The tutor's language comes from --lang, then ECSLAB_LANG, then the locale.
final class TutorLanguageTests: XCTestCase {
    private let englishGoodbye = "Goodbye! Your progress is saved."
    private let chineseGoodbye = "再见！进度已保存。"

    private func lastLine(_ arguments: [String], _ environment: [String: String]) throws -> String {
        let fixture = try TutorFixture(region: "eu-south-1")
        let outcome = try fixture.ecslab.run(
            fixture.arguments + arguments, standardInput: "quit\n", environment: fixture.environment.merging(environment) { _, new in new })
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        return outcome.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
    }

    func testTheFlagComesFirst() throws {
        XCTAssertEqual(try lastLine(["--lang", "zh"], ["ECSLAB_LANG": "en", "LANG": "en_US.UTF-8"]), chineseGoodbye)
        XCTAssertEqual(try lastLine(["--lang", "en"], ["ECSLAB_LANG": "zh", "LANG": "zh_CN.UTF-8"]), englishGoodbye)
    }

    func testTheVariableComesBeforeTheLocale() throws {
        XCTAssertEqual(try lastLine([], ["ECSLAB_LANG": "zh", "LANG": "en_US.UTF-8"]), chineseGoodbye)
        XCTAssertEqual(try lastLine([], ["ECSLAB_LANG": "en", "LANG": "zh_CN.UTF-8"]), englishGoodbye)
    }

    func testTheLocaleDecidesLast() throws {
        XCTAssertEqual(try lastLine([], ["LANG": "zh_TW.UTF-8"]), chineseGoodbye)
        XCTAssertEqual(try lastLine([], ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]), chineseGoodbye)
        XCTAssertEqual(try lastLine([], ["LANG": "fr_FR.UTF-8"]), englishGoodbye)
        XCTAssertEqual(try lastLine([], [:]), englishGoodbye)
    }

    func testABadFlagIsOneLineAndExitCode2() throws {
        let fixture = try TutorFixture(region: "eu-south-1")
        let outcome = try fixture.ecslab.run(fixture.arguments + ["--lang", "fr"], standardInput: "quit\n", environment: fixture.environment)
        XCTAssertEqual(outcome, .init(status: 2, standardOutput: "", standardError: "ecslab: --lang takes zh or en, not fr.\n"))
    }
}

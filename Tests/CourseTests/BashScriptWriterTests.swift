@testable import Course
import Foundation
import XCTest

final class BashScriptWriterTests: XCTestCase {
    /// A variable in a word the CLI left bare, in a single-quoted JSON
    /// argument, and after an escaped quote: each a reference bash expands.
    func testPlaceholdersBecomeReferencesInsideAndOutsideQuotes() {
        XCTAssertEqual(BashScriptWriter.substituted("aws ec2 x --vpc-id @@vpc_id@@"), "aws ec2 x --vpc-id \"${vpc_id}\"")
        XCTAssertEqual(
            BashScriptWriter.substituted("--tags '[{\"Value\":\"@@name@@\"}]'"),
            "--tags '[{\"Value\":\"'\"${name}\"'\"}]'")
        XCTAssertEqual(BashScriptWriter.substituted("'it'\\''s @@a@@' @@b@@"), "'it'\\''s '\"${a}\"'' \"${b}\"")
        XCTAssertEqual(BashScriptWriter.substituted("arn:aws:iam::@@account@@:role/r"), "arn:aws:iam::\"${account}\":role/r")
        // What only looks like one is left alone.
        XCTAssertEqual(BashScriptWriter.substituted("a@@b c@@"), "a@@b c@@")
    }

    func testThePlaceholdersOfAnInputAreFoundOnceEachInOrder() {
        XCTAssertEqual(ScriptPlan.placeholders(in: "{\"a\":\"@@x@@\",\"b\":\"@@y@@-@@x@@\"}"), ["x", "y"])
    }

    /// What bash makes of the words: the values come back as they were set.
    func testBashReadsTheValuesBack() throws {
        let line = BashScriptWriter.substituted("printf '%s|' @@a@@ '{\"k\":\"@@b@@\"}'")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "a='one two'; b=x; \(line)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "one two|{\"k\":\"x\"}|")
    }
}

final class ChineseLineFoldingTests: XCTestCase {
    /// A fold between two Chinese characters goes; one beside a Latin word or a digit stays.
    func testTheSpaceOfAFoldedLineGoesOnlyBetweenChineseCharacters() {
        XCTAssertEqual(ChineseLineFolding.unfolded("两个私有子网、 一个互联网网关"), "两个私有子网、一个互联网网关")
        XCTAssertEqual(ChineseLineFolding.unfolded("运行在其中的 VPC：跨两个可用区"), "运行在其中的 VPC：跨两个可用区")
        XCTAssertEqual(ChineseLineFolding.unfolded("第 5 至第 7 课"), "第 5 至第 7 课")
        XCTAssertEqual(ChineseLineFolding.unfolded("| 子网 | 地址范围 |"), "| 子网 | 地址范围 |")
    }
}

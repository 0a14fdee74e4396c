import Course
import Terminal
import Tutor
import XCTest

final class TutorTextTests: XCTestCase {
    /// Every sentence exists in both languages, with the same fields to fill.
    func testEveryTextHasBothLanguagesWithTheSameFields() {
        for text in TutorText.allCases {
            XCTAssertFalse(text.text.zh.isEmpty, "\(text) has no Chinese")
            XCTAssertFalse(text.text.en.isEmpty, "\(text) has no English")
            XCTAssertEqual(fields(text.text.zh), fields(text.text.en), "\(text)")
        }
        for command in TutorCommandName.allCases {
            XCTAssertFalse(command.help.zh.isEmpty, "\(command) has no Chinese help")
            XCTAssertFalse(command.help.en.isEmpty, "\(command) has no English help")
        }
    }

    func testFieldsAreFilled() {
        XCTAssertEqual(TutorText.unknownCommand(.en, ["command": "frob"]), "There is no command frob. Type help to see them all.")
        XCTAssertEqual(TutorText.unknownCommand(.zh, ["command": "frob"]), "没有命令 frob。输入 help 查看所有命令。")
    }

    private func fields(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}

final class CommandWordsTests: XCTestCase {
    func testSplitsOnSpacesAndKeepsQuotedJSONTogether() {
        XCTAssertEqual(
            CommandWords.split(#"call ec2 DescribeVpcs '{"VpcIds": ["vpc-1"]}' --query "Vpcs[0]""#),
            ["call", "ec2", "DescribeVpcs", #"{"VpcIds": ["vpc-1"]}"#, "--query", "Vpcs[0]"])
        XCTAssertEqual(CommandWords.split("  start   feature  "), ["start", "feature"])
        XCTAssertEqual(CommandWords.split(#"a\ b ''"#), ["a b", ""])
        XCTAssertEqual(CommandWords.split(""), [])
    }

    func testExitIsQuit() {
        XCTAssertEqual(TutorCommandName(word: "exit"), .quit)
        XCTAssertNil(TutorCommandName(word: "frob"))
    }
}

final class TutorPromptTests: XCTestCase {
    func testShowsLessonStepAndRunningCost() {
        XCTAssertEqual(TutorPrompt(lesson: nil, step: nil, usdPerHour: 0).text, "ecslab> ")
        XCTAssertEqual(TutorPrompt(lesson: "network", step: "vpc", usdPerHour: 0).text, "ecslab network/vpc> ")
        XCTAssertEqual(TutorPrompt(lesson: "network", step: "nat", usdPerHour: 0.062).text, "ecslab network/nat $0.062/h> ")
        XCTAssertEqual(TutorPrompt(lesson: "cluster", step: "asg", usdPerHour: 0.5).text, "ecslab cluster/asg $0.50/h> ")
    }
}

final class InterruptionTests: XCTestCase {
    func testInterruptReturnsAtOnceWithCancellation() async throws {
        let interruption = Interruption()
        let started = expectation(description: "the long command started")
        async let outcome: Void = interruption.run {
            started.fulfill()
            try await Task.sleep(nanoseconds: 3_600_000_000_000)
        }
        await fulfillment(of: [started], timeout: 60)
        while !interruption.isRunning { await Task.yield() }
        XCTAssertTrue(interruption.interrupt())
        do {
            try await outcome
            XCTFail("an interrupted command must not end normally")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertFalse(interruption.isRunning)
        XCTAssertFalse(interruption.interrupt())
    }

    func testAFinishedCommandGivesItsResult() async throws {
        let interruption = Interruption()
        let value = try await interruption.run { 42 }
        XCTAssertEqual(value, 42)
        XCTAssertFalse(interruption.interrupt())
    }
}

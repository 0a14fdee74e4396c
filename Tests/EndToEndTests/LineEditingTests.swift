import Foundation
import XCTest

/// libedit at a real terminal: Tab completion, history kept across runs,
/// Up to walk it and Ctrl-R to search it.
final class LineEditingTests: XCTestCase {
    func testTabCompletesCommandsLessonsStepsAndOperations() throws {
        let fixture = try TutorFixture(region: "eu-west-2")
        let terminal = try fixture.terminal()
        try terminal.waitFor("ecslab> ")

        try terminal.type("star")
        try terminal.press("Tab")
        try terminal.waitFor("ecslab> start ")
        try terminal.type("fe")
        try terminal.press("Tab")
        try terminal.waitFor("ecslab> start feature ")
        try terminal.press("Enter")
        try terminal.waitFor("ecslab feature/vpc> ")

        try terminal.type("do s")
        try terminal.press("Tab")
        try terminal.waitFor("ecslab feature/vpc> do subnet ")
        try terminal.press("C-u")

        try terminal.type("call ecs CreateClu")
        try terminal.press("Tab")
        try terminal.waitFor("ecslab feature/vpc> call ecs CreateCluster ")
        try terminal.press("C-u")

        // An ambiguous word lists what it could become.
        try terminal.type("s")
        try terminal.press("Tab")
        let screen = try terminal.waitFor("show  start  status")
        XCTAssertTrue(screen.hasSuffix("show  start  status\necslab feature/vpc> s"), screen)
        try terminal.press("C-u")
        try terminal.enter("quit")
        try terminal.waitForExit()
    }

    func testHistoryIsKeptAcrossRunsAndSearchable() throws {
        let fixture = try TutorFixture(region: "eu-west-2")
        let first = try fixture.terminal()
        try first.waitFor("ecslab> ")
        try first.enter("lessons")
        try first.waitFor("0. feature  Every feature  0/8 done")
        try first.enter("status")
        try first.waitFor("region:   eu-west-2")
        try first.enter("quit")
        try first.waitForExit()

        let history = try String(contentsOf: fixture.state.appendingPathComponent("ecslab/repl/history"), encoding: .utf8)
        XCTAssertEqual(history.split(separator: "\n").suffix(3), ["lessons", "status", "quit"])

        let second = try fixture.terminal()
        try second.waitFor("ecslab> ")
        try second.press("Up")
        try second.waitFor("ecslab> quit")
        try second.press("Up")
        try second.waitFor("ecslab> status")
        try second.press("Up")
        try second.waitFor("ecslab> lessons")
        // An empty line: the search then starts from the newest entry.
        try second.press("C-u", "Enter")

        try second.press("C-r")
        try second.type("tat")
        try second.waitFor("bck:tat")
        try second.press("Enter")
        try second.waitFor("region:   eu-west-2")
        try second.enter("quit")
        try second.waitForExit()
    }
}

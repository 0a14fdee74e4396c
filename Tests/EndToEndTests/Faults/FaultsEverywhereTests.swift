import Foundation
import TestSupport
import XCTest

/// AWS unreachable for good: through builders/fault_proxy.py at a rate of
/// 100%, every call fails: with error answers (500, 503, throttling) from
/// `do network`'s first call, with broken connections (resets, dropped and
/// truncated answers) from its first call, and with both from its 31st
/// call, when the VPC and subnets exist. `ecslab do network --yes` must give up:
/// soon, with exit 1 and one sentence on standard error (the project's
/// convention, Sources/ecslab/Shared/Reporting.swift: `ecslab: ` and the
/// message, never a stack trace or a Swift error dump), and with the ledger
/// that `do iam-roles` wrote before intact: the same bytes, or those bytes
/// with whole, readable lines after them. Then `ecslab cleanup all --yes`,
/// with the faults gone (straight to moto), must leave nothing tagged.
final class FaultsEverywhereTests: CleanupTestCase {
    /// How long giving up may take. Each call gets the standard mode's
    /// three attempts with at most 1 s and then 2 s of backoff, and these
    /// faults answer at once; the bound is ecslab's per-call timeout, 60 s,
    /// far above that: a `do` that waits or retries on past it fails.
    static let deadline: TimeInterval = 60

    func testEveryAnswerAnErrorFromTheFirstCall() throws {
        try assertGivesUp("errors", kinds: ["500", "503", "throttle"], startAfter: 0)
    }

    func testEveryConnectionBrokenFromTheFirstCall() throws {
        try assertGivesUp("breaks", kinds: ["reset", "drop", "truncate"], startAfter: 0)
    }

    func testEveryCallFailingHalfwayThroughTheLesson() throws {
        try assertGivesUp("halfway", kinds: ["500", "503", "throttle", "reset", "drop", "truncate"], startAfter: 30)
    }

    private func assertGivesUp(_ label: String, kinds: [String], startAfter: Int) throws {
        let account = try freshAccount()
        assertSucceeded(try account.ecslab(["do", "iam-roles", "--yes"]), "do iam-roles")
        let ledger = account.ledger()
        let before = try Data(contentsOf: ledger)
        XCTAssertFalse(before.isEmpty, "do iam-roles wrote its ledger")

        let proxy = try FaultProxy(
            upstream: account.endpoint, settings: .init(rate: 1, seed: 1, kinds: kinds, startAfter: startAfter), python: account.python,
            folder: account.folder)
        defer { proxy.stop() }
        let started = Date()
        let gaveUp = try Run.program(
            account.ecslab, ["do", "network", "--yes", "--endpoint-url", proxy.url], environment: account.environment, timeout: 300)
        let seconds = Date().timeIntervalSince(started)
        let log = proxy.log
        proxy.stop()
        let after = try Data(contentsOf: ledger)
        let lines = gaveUp.standardError.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let sentence = lines.first ?? ""

        let cleanup = try account.ecslab(["cleanup", "all", "--yes"])
        let left = try account.inventory().resources
        print("faults 100% \(label): gave up in \(String(format: "%.1f", seconds)) s after \(log.calls) calls (\(log.faults.count) faults: \(log.byKind)), "
            + "exit \(gaveUp.status), said \"\(sentence)\"; ledger \(Self.lineCount(before)) lines before, \(Self.lineCount(after)) after; "
            + "cleanup straight to moto exit \(cleanup.status), left \(left.count)")

        XCTAssertEqual(gaveUp.status, 1, "do network gives up with exit 1:\n\(gaveUp.said.suffix(3000))")
        XCTAssertLessThan(seconds, Self.deadline, "do network gives up within \(Int(Self.deadline)) s")
        XCTAssertEqual(log.faults.count, log.calls - startAfter, "every call from the \(startAfter + 1)th on was faulted")
        XCTAssertGreaterThan(log.faults.count, 0, "the proxy faulted something")
        XCTAssertEqual(lines.count, 1, "one line on standard error, not:\n\(gaveUp.standardError)")
        XCTAssert(sentence.hasPrefix("ecslab: "), "the line is ecslab's own sentence: \(sentence)")
        for dump in ["Fatal error", "Stack dump", "Swift.", "Error(", "(kind:"] {
            XCTAssertFalse(gaveUp.standardError.contains(dump), "no crash report or error dump (\(dump)) on standard error:\n\(gaveUp.standardError)")
        }

        XCTAssert(after.starts(with: before), "the ledger only grew:\nbefore:\n\(Self.text(before))\nafter:\n\(Self.text(after))")
        if startAfter == 0 {
            XCTAssertEqual(after, before, "a do that reached AWS not once wrote nothing")
        } else {
            XCTAssertGreaterThan(after.count, before.count, "the calls that got through before the faults are in the ledger")
        }
        XCTAssert(after.last == UInt8(ascii: "\n"), "the ledger ends with a whole line")
        for (number, line) in after.split(separator: UInt8(ascii: "\n")).enumerated() {
            let event = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
            XCTAssertNotNil(event?["id"] as? String, "ledger line \(number + 1) is an event: \(Self.text(Data(line)))")
            XCTAssert(["intent", "created", "failed", "deleted"].contains(event?["event"] as? String ?? ""), "ledger line \(number + 1): \(Self.text(Data(line)))")
        }

        assertSucceeded(cleanup, "cleanup all with the faults gone")
        XCTAssertEqual(left.count, 0, "left after cleanup all:\n\(Inventory.describe(left))\n\(cleanup.said.suffix(3000))")
    }

    private static func lineCount(_ data: Data) -> Int { data.split(separator: UInt8(ascii: "\n")).count }

    private static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }
}

@testable import Course
import Foundation
import JSON
import XCTest

final class TeardownTests: XCTestCase {
    func testUndoesNewestFirstRetriesInUseAndProvesNothingRemains() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        _ = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)

        // The first delete finds the VPC still in use, the second succeeds.
        let attempts = Counter()
        let vpcs = fixture.vpcs
        fixture.account.on("ec2:DeleteVpc") { input in
            if attempts.next() == 1 { throw FakeAccount.FakeError(code: "DependencyViolation") }
            _ = vpcs.delete(input["VpcId"]?.stringValue ?? "")
            return [:]
        }
        let events = EventLog<Teardown.Event>()
        let report = try await fixture.teardown().run(lesson: "net", observe: events.record)
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(report.deleted.map(\.operation), ["ec2:CreateVpc"])
        XCTAssertEqual(report.remaining, [])
        XCTAssertEqual(fixture.vpcs.all(), [])
        let retries = events.all.compactMap { event -> String? in
            if case .retrying(_, let code, let delay) = event { return "\(code) \(delay)" }
            return nil
        }
        XCTAssertEqual(retries, ["DependencyViolation 2.0"])
        XCTAssertEqual(try fixture.ledger.live(lesson: "net").count, 0)
        // The proof asked the tagging API for the lesson's and owner's tags.
        let search = try XCTUnwrap(fixture.account.calls.last { $0.operation == "resourcegroupstaggingapi:GetResources" })
        XCTAssertEqual(
            search.input,
            ["TagFilters": [
                ["Key": "ecslab:course", "Values": ["ecslab"]], ["Key": "ecslab:lesson", "Values": ["net"]],
                ["Key": "ecslab:owner", "Values": ["learner"]],
            ]])
    }

    func testAlreadyGoneCountsAsDone() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        _ = try await fixture.stepRunner().perform(try XCTUnwrap(fixture.lesson.step("vpc")), of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        _ = fixture.vpcs.delete("vpc-1")
        let report = try await fixture.teardown().run(lesson: "net")
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(try fixture.ledger.entries().map(\.state), [.deleted])
    }

    func testSomethingLeftTaggedIsReported() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        _ = fixture.vpcs.create(name: "made by hand but tagged")
        let report = try await fixture.teardown().run(lesson: "net")
        XCTAssertFalse(report.isClean)
        XCTAssertEqual(report.remaining, ["arn:aws:ec2:ap-northeast-1:123456789012:vpc/vpc-1"])
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"], "teardown never deletes what is not in the ledger")
    }

    func testDryRunDeletesNothing() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        _ = try await fixture.stepRunner().perform(try XCTUnwrap(fixture.lesson.step("vpc")), of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        let report = try await fixture.teardown().run(lesson: "net", dryRun: true)
        XCTAssertEqual(report.deleted.count, 1)
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"])
        XCTAssertEqual(try fixture.ledger.live(lesson: "net").count, 1)
    }
    func testWhatTheTaggingAPICannotListIsReadBackAfterItsDelete() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try fixture.ledger.append(
            LedgerEvent(.intent, id: "r1", fields: ["lesson": "net", "step": "vpc", "call": "iam:CreateRole"]))
        try fixture.ledger.append(
            LedgerEvent(.created, id: "r1", fields: ["undo": ["call": "iam:DeleteRole", "params": ["RoleName": "ecslab-task"]]]))
        fixture.account.on("iam:DeleteRole") { _ in [:] }
        // The delete "succeeds", but the role can still be read: not proven gone.
        fixture.account.on("iam:GetRole") { input in ["Role": ["RoleName": input["RoleName"] ?? nil]] }
        let report = try await fixture.teardown().run(lesson: "net")
        XCTAssertEqual(report.remaining, [#"iam:CreateRole {"RoleName":"ecslab-task"}"#])
        XCTAssertFalse(report.isClean)
        XCTAssertTrue(fixture.account.callNames().contains("iam:GetRole"))
    }

    func testANotFoundReadBackProvesItGone() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try fixture.ledger.append(
            LedgerEvent(.intent, id: "r1", fields: ["lesson": "net", "step": "vpc", "call": "iam:CreateRole"]))
        try fixture.ledger.append(
            LedgerEvent(.created, id: "r1", fields: ["undo": ["call": "iam:DeleteRole", "params": ["RoleName": "ecslab-task"]]]))
        fixture.account.on("iam:DeleteRole") { _ in [:] }
        fixture.account.on("iam:GetRole") { _ in throw FakeAccount.FakeError(code: "NoSuchEntity") }
        let report = try await fixture.teardown().run(lesson: "net")
        XCTAssertTrue(report.isClean)
        XCTAssertEqual(report.remaining, [])
    }
}

final class LedgerTests: XCTestCase {
    func testFoldsEventsSkipsATornLineAndIsPrivate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = Ledger(file: folder.appendingPathComponent("l.jsonl"))
        try ledger.append(LedgerEvent(.intent, id: "a", fields: ["lesson": "net", "step": "vpc", "call": "ec2:CreateVpc"]))
        try ledger.append(LedgerEvent(.created, id: "a", fields: ["saved": ["vpc_id": "vpc-1"]]))
        try ledger.append(LedgerEvent(.intent, id: "b", fields: ["lesson": "net", "step": "igw", "call": "ec2:CreateInternetGateway"]))
        // A crash in the middle of writing leaves half a line behind.
        let handle = try FileHandle(forWritingTo: ledger.file)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"event":"created","id":"b","ti"#.utf8))
        try handle.close()

        let entries = try ledger.entries()
        XCTAssertEqual(entries.map(\.id), ["a", "b"])
        XCTAssertEqual(entries.map(\.state), [.created, .pending])
        XCTAssertEqual(entries[0].saved["vpc_id"], "vpc-1")
        let mode = try FileManager.default.attributesOfItem(atPath: ledger.file.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAPendingCreateWithAClientTokenIsReplayedAndGetsItsUndo() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        // As if the process died after writing the intent of CreateVpc.
        let input: JSON = ["CidrBlock": "10.0.0.0/16", "ClientToken": "tok-1"]
        try fixture.ledger.append(
            LedgerEvent(.intent, id: "e1", fields: [
                "lesson": "net", "step": "vpc", "index": 0, "call": "ec2:CreateVpc", "input": input, "client-token": "tok-1",
            ]))
        let reconciler = fixture.teardown().reconciler
        let settled = try await reconciler.reconcileAll()
        XCTAssertEqual(settled.map(\.state), [.created])
        XCTAssertEqual(fixture.account.calls.map(\.input), [input])
        let entry = try XCTUnwrap(try fixture.ledger.entries().first)
        XCTAssertEqual(entry.state, .created)
        XCTAssertEqual(entry.undo, ["call": "ec2:DeleteVpc", "params": ["VpcId": "vpc-1"]])
    }

    func testAPendingCreateWithoutTokenIsLookedUpByItsTag() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        try fixture.ledger.append(LedgerEvent(.intent, id: "e2", fields: ["lesson": "net", "step": "vpc", "index": 0, "call": "ec2:CreateVpc"]))
        let settled = try await fixture.teardown().reconciler.reconcileAll()
        XCTAssertEqual(settled.map(\.state), [.failed], "nothing carries its tag, so the call never took effect")
        XCTAssertEqual(fixture.account.callNames(), ["resourcegroupstaggingapi:GetResources"])
        XCTAssertEqual(
            fixture.account.calls[0].input, ["TagFilters": [["Key": "ecslab:entry", "Values": ["e2"]]]])
    }
}

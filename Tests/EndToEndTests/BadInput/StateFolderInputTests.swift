import Foundation
import TestSupport
import XCTest

/// A state folder ecslab cannot write to: read-only, or on a disk that is
/// full. ecslab says so in one sentence and stops (exit 2: the machine
/// needs fixing, not the lab), and what it had written stays whole.
final class StateFolderInputTests: BadInputTestCase {
    /// Root may write anywhere, whatever the mode bits say: as root, ecslab
    /// runs without the capabilities that allow it, as a learner would.
    private func asLearner() throws -> [String] {
        guard getuid() == 0 else { return [] }
        let setpriv = "/usr/bin/setpriv"
        try TestEnvironment.need("setpriv (util-linux), to drop root's override of file modes", FileManager.default.isExecutableFile(atPath: setpriv))
        return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    }

    /// No tmpfs can be mounted without root, and no test should fill a real
    /// disk: a file size limit (prlimit --fsize) makes every write that would
    /// grow a file past it fail with EFBIG, the way a full disk fails one
    /// with ENOSPC, and ecslab catches SIGXFSZ so that it is told the same way.
    private func limitingFilesTo(_ bytes: Int) throws -> [String] {
        let prlimit = "/usr/bin/prlimit"
        try TestEnvironment.need("prlimit (util-linux), to limit file sizes", FileManager.default.isExecutableFile(atPath: prlimit))
        return [prlimit, "--fsize=\(bytes)", "--"]
    }

    private func size(_ url: URL) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    }

    func testAReadOnlyStateFolder() throws {
        let made = try machine()
        let before = made.stateFiles()
        for folder in [made.stateFolder, made.ledger.deletingLastPathComponent(), made.progress.deletingLastPathComponent()] {
            XCTAssertEqual(chmod(folder.path, 0o500), 0)
        }
        let outcome = try made.run(
            ["do", "iam-roles", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: BadInputMachine.motoKeys(),
            through: try asLearner())
        assertOneSentence(outcome, status: 2, mentioning: ["Cannot save progress to \(made.progress.path): Permission denied"])
        assertUnchanged(before, made)
    }

    /// XDG_STATE_HOME read-only before ecslab ever ran: it cannot make its folder.
    func testAStateFolderThatCannotBeMade() throws {
        let made = try machine(seeded: false)
        try FileManager.default.createDirectory(at: made.stateHome, withIntermediateDirectories: true)
        XCTAssertEqual(chmod(made.stateHome.path, 0o500), 0)
        let outcome = try made.run(
            ["do", "iam-roles", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: BadInputMachine.motoKeys(),
            through: try asLearner())
        assertOneSentence(outcome, status: 2, mentioning: ["Cannot create the state folder \(made.stateFolder.path): Permission denied"])
        XCTAssertEqual(made.stateFiles(), [:])
    }

    /// Neither file can grow: the progress is padded past the limit (with a
    /// name no lesson uses) and the ledger sits just under it.
    func testAFullStateFolder() async throws {
        let account = try await FreshMotoAccount.make(on: try TestEnvironment.motoURL())
        let made = try machine(account: account.account)
        let limit = try size(made.ledger) + 40
        let progress = try String(contentsOf: made.progress, encoding: .utf8)
        let padding = String(repeating: "x", count: limit)
        try made.write(progress.replacingOccurrences(of: "\"names\": {}", with: "\"names\": {\n    \"unused\": \"\(padding)\"\n  }"), to: made.progress)
        let before = made.stateFiles()
        let outcome = try made.run(
            ["do", "network/vpc", "--yes", "--endpoint-url", try TestEnvironment.motoURL()],
            environment: BadInputMachine.motoKeys(accessKeyID: account.accessKeyID), through: try limitingFilesTo(limit))
        assertOneSentence(outcome, status: 2, mentioning: ["File too large", "size limit"])
        assertUnchanged(before, made)
    }

    /// The disk fills in the middle of a ledger line: the part written is
    /// taken back, so the ledger stays readable and the next line, once
    /// there is room, is not glued to a torn one and lost.
    func testADiskThatFillsMidLedgerLine() async throws {
        let account = try await FreshMotoAccount.make(on: try TestEnvironment.motoURL())
        let made = try machine(account: account.account)
        let keys = BadInputMachine.motoKeys(accessKeyID: account.accessKeyID)
        let before = made.stateFiles()
        let full = try made.run(
            ["do", "network/vpc", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: keys,
            through: try limitingFilesTo(try size(made.ledger) + 40))
        assertOneSentence(full, status: 2, mentioning: ["Cannot write the ledger \(made.ledger.path): File too large"])
        XCTAssertEqual(made.stateFiles()["/ledger/\(account.account)-\(BadInputMachine.region).jsonl"], before["/ledger/\(account.account)-\(BadInputMachine.region).jsonl"])

        let room = try made.run(["do", "network/vpc", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: keys)
        XCTAssertEqual(room.status, 0, room.standardError)
        let lines = try String(contentsOf: made.ledger, encoding: .utf8).split(separator: "\n")
        for line in lines {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), "every ledger line is whole: \(line)")
        }
        XCTAssertTrue(lines.contains { $0.contains(#""call":"ec2:CreateVpc""#) }, "the VPC made once there was room is in the ledger")
    }
}

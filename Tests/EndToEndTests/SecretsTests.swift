import Foundation
import TestSupport
import XCTest

/// A lesson done and checked with `--debug` and a session token: nothing
/// ecslab printed or wrote holds the secret key, the token or a signature,
/// and what it keeps is for its user alone (files 0600, folders 0700).
final class SecretsTests: XCTestCase {
    func testDebugOutputAndStateHoldNoSecret() async throws {
        let url = try TestEnvironment.motoURL()
        let account = try await FreshMotoAccount.make(on: url)
        let machine = try BadInputMachine(account: account.account, seeded: false)
        defer { machine.remove() }
        let secret = "ecslabSecretKey/\(UUID().uuidString)"
        let token = "ecslabSessionToken+\(UUID().uuidString)"
        let keys = [
            "AWS_ACCESS_KEY_ID": account.accessKeyID, "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": token,
            "AWS_REGION": BadInputMachine.region,
        ]

        let done = try machine.run(["--debug", "do", "iam-roles/instance-role", "--yes", "--endpoint-url", url], environment: keys)
        XCTAssertEqual(done.status, 0, done.standardError)
        let checked = try machine.run(
            ["--debug", "check", "iam-roles", "--format", "json", "--trace", machine.home.appendingPathComponent("trace.jsonl").path, "--endpoint-url", url], environment: keys)
        XCTAssertEqual(checked.status, 1, "only instance-role was done: \(checked.standardError.suffix(500))")

        var everything = [("do's output", done.standardOutput), ("do's errors", done.standardError)]
        everything += [("check's output", checked.standardOutput), ("check's errors", checked.standardError)]
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: machine.root, includingPropertiesForKeys: [.isRegularFileKey]))
        var files = 0
        for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            everything.append((file.path, String(decoding: try Data(contentsOf: file), as: UTF8.self)))
            files += 1
        }
        XCTAssertGreaterThanOrEqual(files, 3, "the ledger, the progress and the trace were written")

        let debug = done.standardError + checked.standardError
        let authorizations = debug.split(separator: "\n").filter { $0.contains("Authorization:") }
        XCTAssertGreaterThan(authorizations.count, 5, "--debug printed the requests it signed")
        XCTAssertTrue(authorizations.allSatisfy { $0.hasSuffix("Authorization: <redacted>") }, authorizations.joined(separator: "\n"))
        let tokens = debug.split(separator: "\n").filter { $0.localizedCaseInsensitiveContains("X-Amz-Security-Token") }
        XCTAssertFalse(tokens.isEmpty, "the token was sent with every request")
        for (place, text) in everything {
            XCTAssertFalse(text.contains(secret), "the secret key is in \(place)")
            XCTAssertFalse(text.contains(token), "the session token is in \(place)")
            XCTAssertNil(text.firstMatch(of: /Signature=[0-9a-f]{64}/), "a signature is in \(place)")
            XCTAssertNil(text.firstMatch(of: /X-Amz-Signature=[0-9a-f]{64}/.ignoresCase()), "a presigned URL's signature is in \(place)")
        }

        // Everything from XDG_STATE_HOME down was made by ecslab.
        let stateWalker = try XCTUnwrap(FileManager.default.enumerator(atPath: machine.stateHome.path))
        var modes = [machine.stateHome.path: try mode(machine.stateHome.path)]
        for case let relative as String in stateWalker {
            let path = machine.stateHome.appendingPathComponent(relative).path
            modes[path] = try mode(path)
        }
        XCTAssertTrue(modes.keys.contains(machine.ledger.path) && modes.keys.contains(machine.progress.path), modes.keys.sorted().joined(separator: "\n"))
        for (path, mode) in modes.sorted(by: { $0.key < $1.key }) {
            var isFolder: ObjCBool = false
            XCTAssertTrue(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), path)
            XCTAssertEqual(String(mode, radix: 8), isFolder.boolValue ? "700" : "600", path)
        }
    }

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }
}

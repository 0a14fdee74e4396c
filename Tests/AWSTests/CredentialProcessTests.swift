import Foundation
import XCTest
@testable import AWS

final class CredentialProcessTests: XCTestCase {
    private let clock = ManualClock(Date(timeIntervalSince1970: 1_735_689_600))  // 2025-01-01T00:00:00Z

    private func provider(_ command: String, environment: [String: String] = [:]) -> ProcessCredentialsProvider {
        ProcessCredentialsProvider(command: command, profileName: "tool", environment: environment, now: clock.function)
    }

    private func output(_ json: String) -> String {
        "printf '%s' '\(json)'"
    }

    func testFullOutput() async throws {
        let credentials = try await provider(output("""
            {"Version": 1, "AccessKeyId": "ASIAPROCESS", "SecretAccessKey": "process-secret", \
            "SessionToken": "process-token", "Expiration": "2025-01-01T01:00:00Z"}
            """)).credentials()
        XCTAssertEqual(credentials, AWSCredentials(
            accessKeyID: "ASIAPROCESS", secretAccessKey: "process-secret", sessionToken: "process-token",
            expiration: Date(timeIntervalSince1970: 1_735_693_200)
        ))
    }

    func testFractionalSecondsAndAbsentOptionalFields() async throws {
        let withFraction = try await provider(output("""
            {"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "s", "Expiration": "2025-01-01T01:00:00.500Z"}
            """)).credentials()
        XCTAssertEqual(withFraction.expiration, Date(timeIntervalSince1970: 1_735_693_200.5))
        let plain = try await provider(output(#"{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "s"}"#)).credentials()
        XCTAssertEqual(plain, AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s"))
    }

    func testTheProcessGetsTheGivenEnvironment() async throws {
        let credentials = try await provider(
            #"printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "s"}' "$KEY_FOR_TEST""#,
            environment: ["KEY_FOR_TEST": "AKIDFROMENV"]
        ).credentials()
        XCTAssertEqual(credentials.accessKeyID, "AKIDFROMENV")
    }

    private func assertFails(_ command: String, with message: String, file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await provider(command).credentials()
            XCTFail("the process should have failed", file: file, line: line)
        } catch {
            XCTAssertEqual("\(error)", message, file: file, line: line)
            XCTAssertFalse("\(error)".contains("leaked-secret"), "the error repeats the output", file: file, line: line)
        }
    }

    func testFailuresAreClearAndNeverRepeatTheOutput() async {
        let prefix = "The credential_process of the profile \"tool\""
        await assertFails(
            #"printf '{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "leaked-secret"}'; exit 3"#,
            with: "\(prefix) failed with exit status 3; its own error message, if it printed one, is above."
        )
        await assertFails("kill -9 $$", with: "\(prefix) was killed by signal 9.")
        await assertFails(output("SecretAccessKey=leaked-secret"),
                          with: "\(prefix) printed output that is not valid credentials: it is not JSON (line 1, column 1).")
        await assertFails(output(#"["leaked-secret"]"#),
                          with: "\(prefix) printed output that is not valid credentials: it is not a JSON object.")
        await assertFails(output(#"{"Version": 2, "AccessKeyId": "AKID", "SecretAccessKey": "leaked-secret"}"#),
                          with: "\(prefix) printed output that is not valid credentials: Version must be 1.")
        await assertFails(output(#"{"AccessKeyId": "AKID", "SecretAccessKey": "leaked-secret"}"#),
                          with: "\(prefix) printed output that is not valid credentials: Version is missing.")
        await assertFails(output(#"{"Version": 1, "SecretAccessKey": "leaked-secret"}"#),
                          with: "\(prefix) printed output that is not valid credentials: AccessKeyId is missing or not a string.")
        await assertFails(output(#"{"Version": 1, "AccessKeyId": "AKID"}"#),
                          with: "\(prefix) printed output that is not valid credentials: SecretAccessKey is missing or not a string.")
        await assertFails(output(#"{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "leaked-secret", "Expiration": "tomorrow"}"#),
                          with: "\(prefix) printed output that is not valid credentials: "
                            + "Expiration is not an ISO 8601 time such as 2025-01-31T12:00:00Z.")
        await assertFails(output(#"{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "leaked-secret", "Expiration": "2024-12-31T23:00:00Z"}"#),
                          with: "\(prefix) returned credentials that expired at 2024-12-31T23:00:00Z; "
                            + "renew them the way that program needs (sign in to it again, say), then run the command again.")
    }

    func testProfileCredentialProcessIsCachedUntilNearExpiry() async throws {
        let fixture = try AWSHomeFixture(self)
        let counter = fixture.home.appendingPathComponent("runs").path
        // Each run appends a line to a file and reports how many runs there have been as the key id.
        let script = try fixture.write("""
            echo run >> '\(counter)'
            printf '{"Version": 1, "AccessKeyId": "AKID%s", "SecretAccessKey": "s", "Expiration": "2025-01-01T01:00:00Z"}' "$(wc -l < '\(counter)' | tr -d ' ')"
            """, to: "tool.sh")
        _ = try fixture.write("[default]\ncredential_process = /bin/sh \(script)\n", to: ".aws/config")
        let chain = try CredentialChain(
            configuration: fixture.configuration(), roleAssumer: FakeRoleAssumer(clock: clock), now: clock.function
        )
        let first = try await chain.credentials()
        let second = try await chain.credentials()
        XCTAssertEqual([first.accessKeyID, second.accessKeyID], ["AKID1", "AKID1"])
        clock.advance(56 * 60)
        let third = try await chain.credentials()
        XCTAssertEqual(third.accessKeyID, "AKID2")
    }
}

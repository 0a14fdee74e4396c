import AWS
import Foundation
import TestSupport
import XCTest

/// Bad AWS settings: no keys, keys that have expired, a wrong secret, no
/// region. Each is a configuration problem (exit 2) said in one sentence,
/// before anything is done, with the ledger and progress as they were.
final class CredentialInputTests: BadInputTestCase {
    func testNoCredentials() throws {
        let machine = try machine()
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "iam-roles", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: ["AWS_REGION": BadInputMachine.region])
        assertOneSentence(outcome, status: 2, mentioning: ["No AWS credentials found"])
        assertUnchanged(before, machine)
    }

    /// What `aws configure export-credentials` or an SSO helper prints once
    /// its session is over.
    func testExpiredCredentialsFromACredentialProcess() throws {
        let machine = try machine()
        let answer = machine.home.appendingPathComponent("expired.json")
        try machine.write(
            #"{"Version": 1, "AccessKeyId": "ASIAEXPIREDEXAMPLE00", "SecretAccessKey": "expired-secret", "SessionToken": "expired-token", "Expiration": "2020-01-01T00:00:00Z"}"#,
            to: answer)
        try FileManager.default.createDirectory(at: machine.home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try machine.write("[default]\nregion = \(BadInputMachine.region)\ncredential_process = cat \(answer.path)\n", to: machine.home.appendingPathComponent(".aws/config"))
        let before = machine.stateFiles()
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: [:])
        assertOneSentence(outcome, status: 2, mentioning: ["credential_process", "expired at 2020-01-01T00:00:00Z"])
        XCTAssertFalse(outcome.standardError.contains("expired-secret") || outcome.standardError.contains("expired-token"))
        assertUnchanged(before, machine)
    }

    /// Keys in the environment whose session AWS has ended: AWS's own answer
    /// (moto never expires a token, so a stand-in gives it).
    func testAnExpiredSessionTokenAsAWSAnswersIt() throws {
        let server = try StandInServer(
            status: 403, contentType: "text/xml",
            body: """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code>\
                <Message>The security token included in the request is expired</Message></Error>\
                <RequestId>4f2d7b1e-0c4a-4f0e-9f57-0c1b8a1d5e6f</RequestId></ErrorResponse>
                """)
        defer { server.stop() }
        let machine = try machine()
        let before = machine.stateFiles()
        var keys = BadInputMachine.motoKeys(accessKeyID: "ASIAEXPIREDEXAMPLE00")
        keys["AWS_SESSION_TOKEN"] = "an-expired-session-token"
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", server.url], environment: keys)
        assertOneSentence(outcome, status: 2, mentioning: ["ExpiredToken"])
        assertUnchanged(before, machine)
    }

    /// Against the moto server that checks signatures: a key it issued,
    /// signed with the wrong secret. Its free calls are set to exactly the
    /// two that make the user and the key (moto/core/authorization.py
    /// counts every action request against INITIAL_NO_AUTH_ACTION_COUNT).
    func testAWrongSecretKey() async throws {
        let url = try TestEnvironment.motoAuthURL()
        let endpoint = try Endpoint(parsing: url)
        let transport = CurlTransport()
        let reset = try await transport.send(endpoint.request(method: "POST", path: "/moto-api/reset-auth", body: Array("2".utf8)))
        XCTAssertEqual(reset.status, 200, reset.bodyText)
        let iam = try MotoClient.client(url)
        let user = "ecslab-bad-input-\(UUID().uuidString.prefix(8))"
        _ = try await iam.call(service: "iam", operation: "CreateUser", input: ["UserName": .string(user)])
        let key = try await iam.call(service: "iam", operation: "CreateAccessKey", input: ["UserName": .string(user)])
        let accessKeyID = try XCTUnwrap(key["AccessKey"]?["AccessKeyId"]?.stringValue)
        let secret = try XCTUnwrap(key["AccessKey"]?["SecretAccessKey"]?.stringValue)

        let machine = try machine()
        let before = machine.stateFiles()
        let keys = ["AWS_ACCESS_KEY_ID": accessKeyID, "AWS_SECRET_ACCESS_KEY": String(secret.reversed()), "AWS_REGION": BadInputMachine.region]
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", url], environment: keys)
        assertOneSentence(outcome, status: 2, mentioning: ["SignatureDoesNotMatch"])
        XCTAssertFalse(outcome.standardError.contains(String(secret.reversed())), "the secret is never shown")
        assertUnchanged(before, machine)
    }

    func testNoRegion() throws {
        let machine = try machine()
        let before = machine.stateFiles()
        var keys = BadInputMachine.motoKeys()
        keys["AWS_REGION"] = nil
        let outcome = try machine.run(["do", "iam-roles", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: keys)
        assertOneSentence(outcome, status: 2, mentioning: ["No AWS region found"])
        assertUnchanged(before, machine)
    }
}

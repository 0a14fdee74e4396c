import AWS
import Foundation
import TestSupport
import XCTest

/// STS over the real libcurl transport against the plain moto server.
final class STSIntegrationTests: XCTestCase {
    private func client(credentials: any CredentialsProvider, debugLog: DebugLog? = nil) throws -> STSClient {
        let endpoint = try Endpoint(parsing: TestEnvironment.motoURL())
        let sender = AWSRequestSender(
            transport: CurlTransport(), credentials: credentials, region: "us-east-1", debugLog: debugLog
        )
        return STSClient(sender: sender, endpoint: endpoint)
    }

    func testGetCallerIdentityOnThePlainServer() async throws {
        let identity = try await client(credentials: FixedCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI")).getCallerIdentity()
        XCTAssertEqual(identity, CallerIdentity(
            account: "123456789012", arn: "arn:aws:sts::123456789012:user/moto", userID: "AKIAIOSFODNN7EXAMPLE"
        ))
    }

    func testAssumeRoleIntoAnotherAccountReturnsThatAccount() async throws {
        let endpoint = try Endpoint(parsing: TestEnvironment.motoURL())
        let assumer = STSRoleAssumer(transport: CurlTransport(), endpoint: { _ in endpoint })
        let source = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI")
        let roleCredentials = try await assumer.assumeRole(
            AssumeRoleRequest(
                roleARN: "arn:aws:iam::111122223333:role/x", roleSessionName: "ecslab-test",
                externalID: "course-42", durationSeconds: 900
            ),
            with: source, region: "us-east-1"
        )
        XCTAssertTrue(roleCredentials.accessKeyID.hasPrefix("ASIA"), roleCredentials.accessKeyID)
        XCTAssertNotNil(roleCredentials.sessionToken)
        let expiration = try XCTUnwrap(roleCredentials.expiration)
        XCTAssertEqual(expiration.timeIntervalSinceNow, 900, accuracy: 120)

        let identity = try await client(credentials: FixedCredentials(
            roleCredentials.accessKeyID, roleCredentials.secretAccessKey, token: roleCredentials.sessionToken
        )).getCallerIdentity()
        XCTAssertEqual(identity.account, "111122223333")
        XCTAssertEqual(identity.arn, "arn:aws:sts::111122223333:assumed-role/x/ecslab-test")
        XCTAssertTrue(identity.userID.hasSuffix(":ecslab-test"), identity.userID)
    }

    func testDebugLogOfARealAssumeRoleShowsNoSecret() async throws {
        let lines = Lines()
        let sts = try client(
            credentials: FixedCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", token: "source-session-token"),
            debugLog: DebugLog { lines.append($0) }
        )
        let keys = try await sts.assumeRole(AssumeRoleRequest(roleARN: "arn:aws:iam::111122223333:role/x", roleSessionName: "debugged"))
        let log = lines.text
        XCTAssertTrue(log.contains("debug: > POST \(try TestEnvironment.motoURL())/ (attempt 1)\n"), log)
        XCTAssertTrue(log.contains("debug: > Authorization: <redacted>\n"), log)
        XCTAssertTrue(log.contains("debug: > X-Amz-Security-Token: <redacted>\n"), log)
        XCTAssertTrue(log.contains("debug: > Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fx&RoleSessionName=debugged\n"), log)
        XCTAssertTrue(log.contains("debug: < 200 from POST"), log)
        XCTAssertTrue(log.contains("<SecretAccessKey><redacted></SecretAccessKey><SessionToken><redacted></SessionToken>"), log)
        for secret in ["wJalrXUtnFEMI", "source-session-token", keys.secretAccessKey, keys.sessionToken ?? "?", "Signature="] {
            XCTAssertFalse(log.contains(secret), "the debug log shows \(secret)")
        }
    }

    func testServiceErrorsFromMotoAreTyped() async throws {
        let sts = try client(credentials: FixedCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI"))
        let tooLong = String(repeating: "s", count: 65)
        do {
            _ = try await sts.assumeRole(AssumeRoleRequest(roleARN: "arn:aws:iam::111122223333:role/x", roleSessionName: tooLong))
            XCTFail("expected a validation error")
        } catch let error as AWSServiceError {
            XCTAssertEqual(error.code, "ValidationError")
            XCTAssertEqual(error.statusCode, 400)
            XCTAssertEqual(error.type, "Sender")
            // moto's wording, double space included.
            XCTAssertEqual(error.message, "1 validation error detected: Value '\(tooLong)' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or  equal to 64")
            XCTAssertNotNil(error.requestID)
        }
    }
}

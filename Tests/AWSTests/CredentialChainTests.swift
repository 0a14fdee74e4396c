import Foundation
import Synchronization
import XCTest
@testable import AWS

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var function: @Sendable () -> Date { { [self] in self.now } }
}

/// STS stand-in: records every call and answers with numbered temporary keys valid for an hour.
actor FakeRoleAssumer: RoleAssumer {
    struct Call: Equatable {
        var request: AssumeRoleRequest
        var sourceKeyID: String
        var region: String
    }

    private(set) var calls: [Call] = []
    private let clock: ManualClock
    var failure: (any Error)?

    init(clock: ManualClock) {
        self.clock = clock
    }

    func fail(with error: (any Error)?) { failure = error }

    func assumeRole(_ request: AssumeRoleRequest, with source: AWSCredentials, region: String) async throws -> AWSCredentials {
        calls.append(Call(request: request, sourceKeyID: source.accessKeyID, region: region))
        if let failure { throw failure }
        let number = calls.count
        return AWSCredentials(
            accessKeyID: "ASIAROLE\(number)", secretAccessKey: "role-secret-\(number)", sessionToken: "role-token-\(number)",
            expiration: clock.now.addingTimeInterval(3600)
        )
    }
}

final class CredentialChainTests: XCTestCase {
    private func chain(_ fixture: AWSHomeFixture, _ environment: [String: String] = [:], profile: String? = nil) throws -> CredentialChain {
        let clock = ManualClock()
        return try CredentialChain(
            configuration: fixture.configuration(environment, profile: profile), roleAssumer: FakeRoleAssumer(clock: clock), now: clock.function
        )
    }

    private let files = (
        config: """
            [default]
            region = ap-northeast-1
            aws_access_key_id = AKIDCONFIGDEFAULT
            aws_secret_access_key = config-default-secret
            [profile configonly]
            aws_access_key_id = AKIDCONFIGONLY
            aws_secret_access_key = config-only-secret
            [profile both]
            credential_process = printf '%s' '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "process-secret"}'
            aws_access_key_id = AKIDCONFIGBOTH
            aws_secret_access_key = config-both-secret
            """,
        credentials: """
            [default]
            aws_access_key_id = AKIDCREDSDEFAULT
            aws_secret_access_key = creds-default-secret
            aws_session_token = creds-default-token
            [both]
            """
    )

    func testEnvironmentKeysComeFirst() async throws {
        let fixture = try AWSHomeFixture(self, config: files.config, credentials: files.credentials)
        let found = try chain(fixture, [
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
        ])
        XCTAssertEqual(found.source, .environment)
        let credentials = try await found.credentials()
        XCTAssertEqual(credentials, AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
    }

    func testExplicitProfileOutranksEnvironmentKeysButAWSProfileDoesNot() throws {
        let fixture = try AWSHomeFixture(self, config: files.config, credentials: files.credentials)
        let environment = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_PROFILE": "configonly"]
        XCTAssertEqual(try chain(fixture, environment).source, .environment)
        XCTAssertEqual(try chain(fixture, environment, profile: "configonly").source,
                       .profileKeys(profile: "configonly", file: "~/.aws/config"))
    }

    func testCredentialsFileKeysWinOverConfigFileKeys() async throws {
        let fixture = try AWSHomeFixture(self, config: files.config, credentials: files.credentials)
        let found = try chain(fixture)
        XCTAssertEqual(found.source, .profileKeys(profile: "default", file: "~/.aws/credentials"))
        let credentials = try await found.credentials()
        XCTAssertEqual(credentials, AWSCredentials(
            accessKeyID: "AKIDCREDSDEFAULT", secretAccessKey: "creds-default-secret", sessionToken: "creds-default-token"
        ))
        let configOnly = try chain(fixture, ["AWS_PROFILE": "configonly"])
        let configKeys = try await configOnly.credentials()
        XCTAssertEqual(configKeys, AWSCredentials(accessKeyID: "AKIDCONFIGONLY", secretAccessKey: "config-only-secret"))
    }

    func testCredentialProcessComesBeforeConfigFileKeys() async throws {
        let fixture = try AWSHomeFixture(self, config: files.config, credentials: files.credentials)
        let found = try chain(fixture, ["AWS_PROFILE": "both"])
        XCTAssertEqual(found.source, .process(profile: "both"))
        let credentials = try await found.credentials()
        XCTAssertEqual(credentials, AWSCredentials(accessKeyID: "AKIDPROCESS", secretAccessKey: "process-secret"))
    }

    func testNoCredentialsSaysWhatWasTriedAndHowToFixIt() throws {
        let fixture = try AWSHomeFixture(self, config: "[default]\nregion = ap-northeast-1\n[profile bare]\nregion = us-east-1\n")
        XCTAssertThrowsError(try chain(fixture)) { error in
            XCTAssertEqual(
                "\(error)",
                "No AWS credentials found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the profile \"default\" in "
                    + "~/.aws/credentials and ~/.aws/config. Set them with `aws configure`, or run `ecslab --sandbox`."
            )
        }
        XCTAssertThrowsError(try chain(fixture, ["AWS_PROFILE": "bare"])) { error in
            XCTAssertEqual(
                "\(error)",
                "No AWS credentials found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the profile \"bare\" in "
                    + "~/.aws/credentials and ~/.aws/config. Set them with `aws configure --profile bare`, or run `ecslab --sandbox`."
            )
        }
        let empty = try AWSHomeFixture(self)
        XCTAssertThrowsError(try chain(empty)) { error in
            XCTAssertEqual(error as? CredentialsError,
                           .noCredentials(profile: "default", configPath: "~/.aws/config", credentialsPath: "~/.aws/credentials"))
        }
    }

    func testHalfAKeyIsAnErrorThatNamesTheMissingHalf() throws {
        let fixture = try AWSHomeFixture(self, credentials: "[default]\naws_access_key_id = AKIDHALF\n")
        XCTAssertThrowsError(try chain(fixture)) { error in
            XCTAssertEqual("\(error)", "Only half of an AWS access key was found in the profile \"default\" in ~/.aws/credentials: "
                + "aws_secret_access_key is missing; set both the key id and its secret.")
        }
        XCTAssertThrowsError(try chain(fixture, ["AWS_SECRET_ACCESS_KEY": "env-secret"])) { error in
            XCTAssertEqual("\(error)", "Only half of an AWS access key was found in the environment: "
                + "AWS_ACCESS_KEY_ID is missing; set both the key id and its secret.")
        }
    }

    func testSSOProfilesAreRejectedWithAWayOut() throws {
        let fixture = try AWSHomeFixture(self, config: "[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\n")
        XCTAssertThrowsError(try chain(fixture, ["AWS_PROFILE": "corp"])) { error in
            XCTAssertEqual("\(error)", "The profile \"corp\" uses sso_session, which ecslab does not support; "
                + "run `aws configure export-credentials --profile corp --format env` and use the keys it prints.")
        }
    }

    func testTheOlderSecurityTokenVariableStillWorks() async throws {
        let fixture = try AWSHomeFixture(self)
        let found = try chain(fixture, ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SECURITY_TOKEN": "old-token"])
        let credentials = try await found.credentials()
        XCTAssertEqual(credentials.sessionToken, "old-token")
    }
}

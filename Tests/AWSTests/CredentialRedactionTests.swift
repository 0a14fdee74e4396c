import Foundation
import XCTest
@testable import AWS

/// Secrets must not reach any description, error or source text.
final class CredentialRedactionTests: XCTestCase {
    func testDescriptionsHideSecretAndToken() {
        let credentials = AWSCredentials(accessKeyID: "ASIAVISIBLE", secretAccessKey: "hidden-secret", sessionToken: "hidden-token")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in ["\(credentials)", String(reflecting: credentials), "\(StaticCredentialsProvider(credentials).fixed)", dumped] {
            XCTAssertTrue(text.contains("ASIAVISIBLE"))
            XCTAssertFalse(text.contains("hidden-secret"), text)
            XCTAssertFalse(text.contains("hidden-token"), text)
        }
    }

    /// A bad value read with its indented continuation lines may carry the
    /// next setting's secret: the message quotes only the value's own line.
    func testABadSettingsMessageStopsAtItsOwnLine() {
        let error = CredentialsError.invalidSetting(
            name: "duration_seconds", value: "1 hour\naws_secret_access_key = hidden-secret", profile: "dev", expected: "a whole number of seconds")
        XCTAssertFalse("\(error)".contains("hidden-secret"), "\(error)")
        XCTAssertTrue("\(error)".contains("\"1 hour\" and the indented lines under it"), "\(error)")
    }

    func testNoSourceOrErrorShowsASecretFromTheFiles() throws {
        let fixture = try AWSHomeFixture(self, config: """
            [profile half]
            aws_secret_access_key = hidden-secret
            [profile role]
            role_arn = arn:aws:iam::111111111111:role/R
            source_profile = half
            [profile keys]
            aws_access_key_id = AKIDKEYS
            aws_secret_access_key = hidden-secret
            aws_session_token = hidden-token
            """)
        let clock = ManualClock()
        for profile in ["half", "role"] {
            XCTAssertThrowsError(try CredentialChain(
                configuration: fixture.configuration(["AWS_PROFILE": profile]), roleAssumer: FakeRoleAssumer(clock: clock)
            )) { error in
                XCTAssertEqual(error as? CredentialsError, .partialCredentials(
                    source: "the profile \"half\" in ~/.aws/config", missing: "aws_access_key_id"
                ))
                XCTAssertFalse("\(error)".contains("hidden"), "\(error)")
                XCTAssertFalse(String(reflecting: error).contains("hidden"), String(reflecting: error))
            }
        }
        let keys = try CredentialChain(configuration: fixture.configuration(["AWS_PROFILE": "keys"]), roleAssumer: FakeRoleAssumer(clock: clock))
        XCTAssertFalse(keys.source.description.contains("hidden"))
        XCTAssertFalse(String(reflecting: keys).contains("hidden-secret"), String(reflecting: keys))
    }

    func testConfigurationDescriptionsAndDumpsHideSecrets() throws {
        let fixture = try AWSHomeFixture(self, config: """
            [default]
            region = ap-northeast-1
            credential_process = printf '{}'
            """, credentials: """
            [default]
            aws_access_key_id = AKIDFILE
            aws_secret_access_key = hidden-file-secret
            aws_session_token = hidden-file-token
            """)
        let environment = ["AWS_SECRET_ACCESS_KEY": "hidden-env-secret", "AWS_SESSION_TOKEN": "hidden-env-token", "AWS_ACCESS_KEY_ID": "AKID"]
        let configuration = try fixture.configuration(environment, profile: "default")
        let chain = try CredentialChain(configuration: configuration, roleAssumer: FakeRoleAssumer(clock: ManualClock()))
        let process = ProcessCredentialsProvider(command: "true", profileName: "default", environment: environment)
        var texts: [String] = []
        func record(_ value: Any) {
            texts.append("\(value)")
            texts.append(String(reflecting: value))
            var dumped = ""
            dump(value, to: &dumped)
            texts.append(dumped)
        }
        record(configuration)
        record(configuration.shared)
        record(configuration.endpointResolver)
        record(chain)
        record(process)
        let cache = SigningKeyCache()
        let signer = SigV4Signer(region: "us-east-1", service: "ecs", normalizePath: true, signBody: false, signsSessionToken: true, keyCache: cache)
        var request = HTTPRequest(method: "GET", host: "ecs.us-east-1.amazonaws.com")
        signer.sign(&request, credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "hidden-signing-secret"), date: Date())
        record(signer)
        for text in texts {
            XCTAssertFalse(text.contains("hidden"), text)
        }
        XCTAssertTrue(texts.contains { $0.contains("aws_secret_access_key") }, "the settings themselves are still shown")
    }
}

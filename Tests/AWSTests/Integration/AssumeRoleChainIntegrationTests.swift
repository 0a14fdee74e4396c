import AWS
import Foundation
import TestSupport
import XCTest

/// The whole assume-role path against moto: a profile with `role_arn` and
/// `source_profile` in config files written here, the credentials chain,
/// STS AssumeRole over libcurl, then GetCallerIdentity with the role's keys.
final class AssumeRoleChainIntegrationTests: XCTestCase {
    func testSourceProfileAssumesARoleInAnotherAccount() async throws {
        let endpoint = try Endpoint(parsing: TestEnvironment.motoURL())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let credentialsFile = folder.appendingPathComponent("credentials")
        let configFile = folder.appendingPathComponent("config")
        try """
        [learner]
        aws_access_key_id = AKIAIOSFODNN7EXAMPLE
        aws_secret_access_key = wJalrXUtnFEMI

        """.write(to: credentialsFile, atomically: true, encoding: .utf8)
        try """
        [profile other-account]
        role_arn = arn:aws:iam::111122223333:role/x
        source_profile = learner
        role_session_name = ecslab-chain
        region = us-east-1

        """.write(to: configFile, atomically: true, encoding: .utf8)

        let configuration = try AWSConfiguration.load(
            environment: [
                "AWS_CONFIG_FILE": configFile.path, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile.path,
                "AWS_PROFILE": "other-account",
            ],
            homeDirectory: folder.path
        )
        let transport = CurlTransport()
        let chain = try CredentialChain(
            configuration: configuration, roleAssumer: STSRoleAssumer(transport: transport, endpoint: { _ in endpoint })
        )
        let region = try configuration.requireRegion()
        let sender = AWSRequestSender(transport: transport, credentials: chain, region: region)
        let identity = try await STSClient(sender: sender, endpoint: endpoint).getCallerIdentity()

        XCTAssertEqual(identity.account, "111122223333")
        XCTAssertEqual(identity.arn, "arn:aws:sts::111122223333:assumed-role/x/ecslab-chain")
    }
}

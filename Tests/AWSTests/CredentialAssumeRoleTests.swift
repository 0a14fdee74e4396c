import Foundation
import XCTest
@testable import AWS

final class CredentialAssumeRoleTests: XCTestCase {
    private let config = """
        [default]
        region = ap-northeast-1

        [profile learner]
        role_arn = arn:aws:iam::111111111111:role/EcsLabLearner
        source_profile = base
        external_id = class-2025
        role_session_name = alice
        duration_seconds = 1800
        region = ap-northeast-1

        [profile grader]
        role_arn = arn:aws:iam::222222222222:role/EcsLabGrader
        source_profile = learner

        [profile defaults]
        role_arn = arn:aws:iam::333333333333:role/Plain
        source_profile = base

        [profile self]
        role_arn = arn:aws:iam::444444444444:role/Self
        source_profile = self
        aws_access_key_id = AKIDSELF
        aws_secret_access_key = self-secret

        [profile loop-a]
        role_arn = arn:aws:iam::555555555555:role/A
        source_profile = loop-b

        [profile loop-b]
        role_arn = arn:aws:iam::555555555555:role/B
        source_profile = loop-a

        [profile lonely]
        role_arn = arn:aws:iam::666666666666:role/Lonely

        [profile fromenv]
        role_arn = arn:aws:iam::777777777777:role/FromEnv
        credential_source = Environment

        [profile nosource]
        role_arn = arn:aws:iam::888888888888:role/X
        source_profile = ghost

        [profile emptysource]
        role_arn = arn:aws:iam::888888888888:role/X
        source_profile = empty

        [profile empty]
        region = us-east-1

        [profile shortlived]
        role_arn = arn:aws:iam::999999999999:role/X
        source_profile = base
        duration_seconds = 60

        [profile viaprocess]
        role_arn = arn:aws:iam::999999999999:role/ViaProcess
        source_profile = tool

        [profile tool]
        credential_process = printf '%s' '{"Version": 1, "AccessKeyId": "AKIDTOOL", "SecretAccessKey": "tool-secret"}'

        [profile mfa]
        role_arn = arn:aws:iam::999999999999:role/X
        source_profile = base
        mfa_serial = arn:aws:iam::999999999999:mfa/alice
        """
    private let credentials = """
        [base]
        aws_access_key_id = AKIDBASE
        aws_secret_access_key = base-secret
        """

    private func setUp(_ environment: [String: String]) throws -> (CredentialChain, FakeRoleAssumer, ManualClock) {
        let fixture = try AWSHomeFixture(self, config: config, credentials: credentials)
        let clock = ManualClock()
        let assumer = FakeRoleAssumer(clock: clock)
        let chain = try CredentialChain(configuration: fixture.configuration(environment), roleAssumer: assumer, now: clock.function)
        return (chain, assumer, clock)
    }

    func testAssumeRoleSendsEverySettingOfTheProfile() async throws {
        let (chain, assumer, _) = try setUp(["AWS_PROFILE": "learner"])
        XCTAssertEqual(chain.source, .assumeRole(
            profile: "learner", roleARN: "arn:aws:iam::111111111111:role/EcsLabLearner",
            source: .profileKeys(profile: "base", file: "~/.aws/credentials")
        ))
        let credentials = try await chain.credentials()
        XCTAssertEqual(credentials.accessKeyID, "ASIAROLE1")
        XCTAssertEqual(credentials.sessionToken, "role-token-1")
        let calls = await assumer.calls
        XCTAssertEqual(calls, [FakeRoleAssumer.Call(
            request: AssumeRoleRequest(
                roleARN: "arn:aws:iam::111111111111:role/EcsLabLearner", roleSessionName: "alice",
                externalID: "class-2025", durationSeconds: 1800
            ),
            sourceKeyID: "AKIDBASE", region: "ap-northeast-1"
        )])
    }

    func testDefaultSessionNameAndRegion() async throws {
        let (chain, assumer, clock) = try setUp(["AWS_PROFILE": "defaults", "AWS_REGION": "eu-west-1"])
        _ = try await chain.credentials()
        let calls = await assumer.calls
        XCTAssertEqual(calls, [FakeRoleAssumer.Call(
            request: AssumeRoleRequest(
                roleARN: "arn:aws:iam::333333333333:role/Plain",
                roleSessionName: "ecslab-session-\(Int(clock.now.timeIntervalSince1970))"
            ),
            sourceKeyID: "AKIDBASE", region: "eu-west-1"
        )])
    }

    func testChainedSourceProfilesAssumeEachRoleInTurn() async throws {
        let (chain, assumer, _) = try setUp(["AWS_PROFILE": "grader"])
        XCTAssertEqual(chain.source.description,
                       "the role arn:aws:iam::222222222222:role/EcsLabGrader of the profile \"grader\", assumed with "
                        + "the role arn:aws:iam::111111111111:role/EcsLabLearner of the profile \"learner\", assumed with "
                        + "the keys of the profile \"base\" in ~/.aws/credentials")
        let credentials = try await chain.credentials()
        XCTAssertEqual(credentials.accessKeyID, "ASIAROLE2")
        let calls = await assumer.calls
        XCTAssertEqual(calls.map(\.request.roleARN), ["arn:aws:iam::111111111111:role/EcsLabLearner", "arn:aws:iam::222222222222:role/EcsLabGrader"])
        XCTAssertEqual(calls.map(\.sourceKeyID), ["AKIDBASE", "ASIAROLE1"])
        XCTAssertEqual(calls[0].request.externalID, "class-2025")
        XCTAssertNil(calls[1].request.externalID)
    }

    func testTemporaryCredentialsAreCachedAndRefreshedBeforeExpiry() async throws {
        let (chain, assumer, clock) = try setUp(["AWS_PROFILE": "learner"])
        _ = try await chain.credentials()
        clock.advance(50 * 60)
        let cached = try await chain.credentials()
        XCTAssertEqual(cached.accessKeyID, "ASIAROLE1")
        var count = await assumer.calls.count
        XCTAssertEqual(count, 1, "ten minutes before expiry the cached keys are still used")
        clock.advance(6 * 60)
        let refreshed = try await chain.credentials()
        XCTAssertEqual(refreshed.accessKeyID, "ASIAROLE2")
        count = await assumer.calls.count
        XCTAssertEqual(count, 2, "four minutes before expiry the keys are refreshed")
    }

    func testAProfileMayBeItsOwnSourceWhenItHasKeys() async throws {
        let (chain, assumer, _) = try setUp(["AWS_PROFILE": "self"])
        _ = try await chain.credentials()
        let calls = await assumer.calls
        XCTAssertEqual(calls.map(\.sourceKeyID), ["AKIDSELF"])
    }

    func testSourceProfileLoopsAreDetected() throws {
        XCTAssertThrowsError(try setUp(["AWS_PROFILE": "loop-a"])) { error in
            XCTAssertEqual("\(error)", "The source_profile settings form a loop (loop-a -> loop-b -> loop-a); "
                + "end the chain at a profile that has its own keys.")
        }
    }

    func testBrokenRoleProfiles() throws {
        let expectations: [(String, String)] = [
            ("lonely", "The profile \"lonely\" has a role_arn but neither source_profile nor credential_source to assume it with."),
            ("nosource", "The profile \"nosource\" names source_profile \"ghost\", which is in neither AWS configuration file."),
            ("emptysource", "The profile \"empty\", the source_profile of \"emptysource\", has no credentials: "
                + "give it aws_access_key_id and aws_secret_access_key, a credential_process or a role_arn."),
            ("shortlived", "duration_seconds in the profile \"shortlived\" must be a number of seconds from 900 to 43200, not \"60\"."),
            ("mfa", "The profile \"mfa\" uses mfa_serial, which ecslab does not support; use a credential_process that asks for "
                + "the MFA code, or session keys from `aws sts get-session-token`."),
            ("fromenv", "The profile \"fromenv\" has credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set."),
        ]
        for (profile, message) in expectations {
            XCTAssertThrowsError(try setUp(["AWS_PROFILE": profile]), profile) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    func testCredentialSourceEnvironmentUsesTheEnvironmentKeys() async throws {
        let fixture = try AWSHomeFixture(self, config: config, credentials: credentials)
        let clock = ManualClock()
        let assumer = FakeRoleAssumer(clock: clock)
        let chain = try CredentialChain(
            configuration: fixture.configuration(
                ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"], profile: "fromenv"
            ),
            roleAssumer: assumer, now: clock.function
        )
        XCTAssertEqual(chain.source, .assumeRole(profile: "fromenv", roleARN: "arn:aws:iam::777777777777:role/FromEnv", source: .environment))
        _ = try await chain.credentials()
        let calls = await assumer.calls
        XCTAssertEqual(calls.map(\.sourceKeyID), ["AKIDENV"])
    }

    func testSTSFailuresReachTheCaller() async throws {
        struct Refused: Error, Equatable {}
        let (chain, assumer, _) = try setUp(["AWS_PROFILE": "learner"])
        await assumer.fail(with: Refused())
        do {
            _ = try await chain.credentials()
            XCTFail("the STS error should surface")
        } catch {
            XCTAssertEqual(error as? Refused, Refused())
        }
    }

    func testASourceProfileMayUseACredentialProcess() async throws {
        let (chain, assumer, _) = try setUp(["AWS_PROFILE": "viaprocess"])
        XCTAssertEqual(chain.source, .assumeRole(
            profile: "viaprocess", roleARN: "arn:aws:iam::999999999999:role/ViaProcess", source: .process(profile: "tool")
        ))
        _ = try await chain.credentials()
        let calls = await assumer.calls
        XCTAssertEqual(calls.map(\.sourceKeyID), ["AKIDTOOL"])
    }
}

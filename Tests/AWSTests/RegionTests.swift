import XCTest
@testable import AWS

final class RegionTests: XCTestCase {
    private let config = """
        [default]
        region = us-west-2
        [profile tokyo]
        region = ap-northeast-1
        max_attempts = 5
        retry_mode = adaptive
        """

    func testAWSRegionWinsOverAWSDefaultRegionAndTheProfile() throws {
        let fixture = try AWSHomeFixture(self, config: config)
        XCTAssertEqual(try fixture.configuration(["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-central-1"]).region, "eu-west-1")
        XCTAssertEqual(try fixture.configuration(["AWS_DEFAULT_REGION": "eu-central-1"]).region, "eu-central-1")
        XCTAssertEqual(try fixture.configuration(["AWS_REGION": "", "AWS_DEFAULT_REGION": "eu-central-1"]).region, "eu-central-1")
        XCTAssertEqual(try fixture.configuration().region, "us-west-2")
        XCTAssertEqual(try fixture.configuration(["AWS_PROFILE": "tokyo"]).region, "ap-northeast-1")
        XCTAssertEqual(try fixture.configuration(["AWS_PROFILE": "tokyo", "AWS_DEFAULT_REGION": "sa-east-1"]).region, "sa-east-1")
    }

    func testProfileChoice() throws {
        let fixture = try AWSHomeFixture(self, config: config, credentials: "[other]\nregion = ca-central-1\n")
        XCTAssertEqual(try fixture.configuration(["AWS_PROFILE": "tokyo"]).profileName, "tokyo")
        XCTAssertEqual(try fixture.configuration(["AWS_DEFAULT_PROFILE": "tokyo"]).profileName, "tokyo")
        XCTAssertEqual(try fixture.configuration(["AWS_PROFILE": "other", "AWS_DEFAULT_PROFILE": "tokyo"]).region, "ca-central-1")
        let chosen = try fixture.configuration(["AWS_PROFILE": "other"], profile: "tokyo")
        XCTAssertEqual(chosen.profileName, "tokyo")
        XCTAssertEqual(chosen.profileOrigin, "--profile")
    }

    func testANamedProfileThatDoesNotExistIsAnError() throws {
        let fixture = try AWSHomeFixture(self, config: config)
        XCTAssertThrowsError(try fixture.configuration(["AWS_PROFILE": "staging"])) { error in
            XCTAssertEqual(
                "\(error)",
                "The AWS profile \"staging\" chosen by AWS_PROFILE is in neither ~/.aws/config nor ~/.aws/credentials; "
                    + "create it with `aws configure --profile staging` or choose another profile."
            )
        }
    }

    func testMissingRegionSaysWhatWasTriedAndHowToFixIt() throws {
        let fixture = try AWSHomeFixture(self)
        let configuration = try fixture.configuration()
        XCTAssertNil(configuration.region)
        XCTAssertThrowsError(try configuration.requireRegion()) { error in
            XCTAssertEqual(
                "\(error)",
                "No AWS region found: looked in AWS_REGION, AWS_DEFAULT_REGION and the profile \"default\" in ~/.aws/config. "
                    + "Set one with `aws configure set region ap-northeast-1`, or run `ecslab --sandbox`."
            )
        }
    }

    func testARegionThatCannotBeOneIsRejected() throws {
        let fixture = try AWSHomeFixture(self, config: "[default]\nregion = us-east-1.evil.example/\n")
        XCTAssertThrowsError(try fixture.configuration()) { error in
            XCTAssertEqual(
                "\(error)",
                "region in the profile \"default\" must be a region name such as ap-northeast-1, not \"us-east-1.evil.example/\"."
            )
        }
        XCTAssertThrowsError(try fixture.configuration(["AWS_REGION": "Tokyo"])) { error in
            XCTAssertEqual("\(error)", "AWS_REGION in the environment must be a region name such as ap-northeast-1, not \"Tokyo\".")
        }
    }

    func testRetrySettings() throws {
        let fixture = try AWSHomeFixture(self, config: config)
        let tokyo = try fixture.configuration(["AWS_PROFILE": "tokyo"])
        XCTAssertEqual(tokyo.maxAttempts, 5)
        XCTAssertEqual(tokyo.retryMode, "adaptive")
        let overridden = try fixture.configuration(["AWS_PROFILE": "tokyo", "AWS_MAX_ATTEMPTS": "2", "AWS_RETRY_MODE": "standard"])
        XCTAssertEqual(overridden.maxAttempts, 2)
        XCTAssertEqual(overridden.retryMode, "standard")
        XCTAssertNil(try fixture.configuration().maxAttempts)
        XCTAssertThrowsError(try fixture.configuration(["AWS_MAX_ATTEMPTS": "0"])) { error in
            XCTAssertEqual("\(error)", "AWS_MAX_ATTEMPTS in the environment must be a whole number of at least 1, not \"0\".")
        }
        XCTAssertThrowsError(try fixture.configuration(["AWS_RETRY_MODE": "fast"])) { error in
            XCTAssertEqual("\(error)", "AWS_RETRY_MODE in the environment must be standard, legacy or adaptive, not \"fast\".")
        }
    }
}

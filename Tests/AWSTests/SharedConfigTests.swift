import Foundation
import XCTest
@testable import AWS

/// A home folder of its own for one test, with `.aws/config` and
/// `.aws/credentials` as the test writes them; removed when the test ends.
struct AWSHomeFixture {
    let home: URL

    init(_ test: XCTestCase, config: String? = nil, credentials: String? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-aws-home-\(UUID().uuidString)")
        let folder = home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("config")) }
        if let credentials { try Data(credentials.utf8).write(to: folder.appendingPathComponent("credentials")) }
        let home = self.home
        test.addTeardownBlock { try? FileManager.default.removeItem(at: home) }
    }

    var path: String { home.path }

    func write(_ text: String, to relativePath: String) throws -> String {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func configuration(_ environment: [String: String] = [:], profile: String? = nil) throws -> AWSConfiguration {
        try AWSConfiguration.load(environment: environment, homeDirectory: path, profile: profile)
    }
}

final class SharedConfigTests: XCTestCase {
    private func parse(_ text: String, _ kind: SharedConfigFile.Kind = .config) throws -> SharedConfigFile {
        try SharedConfigFile(parsing: text, kind: kind, displayPath: "~/.aws/config")
    }

    func testConfigProfilesNeedTheProfilePrefixButDefaultDoesNot() throws {
        let file = try parse("""
            [default]
            region = us-east-1
            [profile dev]
            region = ap-northeast-1
            [prod]
            region = eu-west-1
            [sso-session corp]
            sso_region = us-east-1
            """)
        XCTAssertEqual(Set(file.profiles.keys), ["default", "dev"])
        XCTAssertEqual(file.profiles["default"]?["region"], "us-east-1")
        XCTAssertEqual(file.profiles["dev"]?["region"], "ap-northeast-1")
    }

    func testCredentialsSectionsAreProfileNamesAsWritten() throws {
        let file = try parse("""
            [default]
            aws_access_key_id = AKIDDEFAULT
            [dev]
            aws_access_key_id = AKIDDEV
            [profile odd]
            aws_access_key_id = AKIDODD
            """, .credentials)
        XCTAssertEqual(Set(file.profiles.keys), ["default", "dev", "profile odd"])
        XCTAssertEqual(file.profiles["dev"]?["aws_access_key_id"], "AKIDDEV")
    }

    func testProfileDefaultOutranksPlainDefaultInTheConfigFile() throws {
        let file = try parse("""
            [profile default]
            region = ap-northeast-1
            [default]
            region = us-east-1
            output = text
            """)
        XCTAssertEqual(file.profiles["default"], ConfigSection(settings: ["region": "ap-northeast-1"]))
    }

    func testCommentsBlankLinesAndWhiteSpace() throws {
        let file = try parse("""
            # a comment
            ; another comment
            [profile dev]   # comment after the header
              \t
            region=ap-northeast-1 ; trailing comment
            Output   =   json#not a comment
            endpoint_url = https://example.com/#fragment-like
            empty =
            """)
        XCTAssertEqual(file.profiles["dev"]?.settings, [
            "region": "ap-northeast-1",
            "output": "json#not a comment",
            "endpoint_url": "https://example.com/#fragment-like",
            "empty": "",
        ])
    }

    func testRepeatedSectionsMergeWithTheLaterValueWinning() throws {
        let file = try parse("""
            [profile dev]
            region = us-east-1
            output = json
            [profile dev]
            region = ap-northeast-1
            """)
        XCTAssertEqual(file.profiles["dev"]?.settings, ["region": "ap-northeast-1", "output": "json"])
    }

    func testSubSettingsAndContinuationLines() throws {
        let file = try parse("""
            [profile dev]
            s3 =
              max_concurrent_requests = 20
              Addressing_Style = path
            note = first
              second
            region = us-east-1
            """)
        let dev = try XCTUnwrap(file.profiles["dev"])
        XCTAssertEqual(dev.subSettings["s3"], ["max_concurrent_requests": "20", "addressing_style": "path"])
        XCTAssertEqual(dev["note"], "first\nsecond")
        XCTAssertEqual(dev["region"], "us-east-1")
    }

    func testServicesSections() throws {
        let file = try parse("""
            [profile local]
            services = moto
            [services moto]
            ecs =
              endpoint_url = http://127.0.0.1:5000
            resource_groups_tagging_api =
              endpoint_url = http://127.0.0.1:5001
            """)
        XCTAssertEqual(file.profiles["local"]?["services"], "moto")
        XCTAssertEqual(file.services["moto"]?.subSettings, [
            "ecs": ["endpoint_url": "http://127.0.0.1:5000"],
            "resource_groups_tagging_api": ["endpoint_url": "http://127.0.0.1:5001"],
        ])
    }

    func testMalformedLinesAreReportedWithTheirLineNumber() {
        XCTAssertThrowsError(try parse("[default]\nregion us-east-1\n")) { error in
            XCTAssertEqual(
                "\(error)",
                "The AWS configuration file ~/.aws/config is not valid: line 2 has a line that is neither a [section] nor a key = value setting."
            )
        }
        XCTAssertThrowsError(try parse("[default\n")) { error in
            XCTAssertEqual("\(error)", "The AWS configuration file ~/.aws/config is not valid: line 1 has a section header without its closing ].")
        }
        XCTAssertThrowsError(try parse("[default]\n  indented = first\n")) { error in
            XCTAssertEqual("\(error)", "The AWS configuration file ~/.aws/config is not valid: line 2 has an indented line that continues no setting.")
        }
    }

    func testWindowsLineEndings() throws {
        let file = try parse("[default]\r\nregion = us-west-2\r\n")
        XCTAssertEqual(file.profiles["default"]?["region"], "us-west-2")
    }

    func testCredentialsFileSettingsOverrideTheConfigFile() throws {
        let fixture = try AWSHomeFixture(self, config: """
            [profile dev]
            region = us-east-1
            aws_access_key_id = AKIDFROMCONFIG
            """, credentials: """
            [dev]
            aws_access_key_id = AKIDFROMCREDENTIALS
            aws_secret_access_key = secret
            """)
        let shared = try SharedConfig.load(ConfigFileLocations(environment: [:], homeDirectory: fixture.path))
        XCTAssertEqual(shared.profile("dev")?.settings, [
            "region": "us-east-1", "aws_access_key_id": "AKIDFROMCREDENTIALS", "aws_secret_access_key": "secret",
        ])
        XCTAssertNil(shared.profile("missing"))
    }

    func testFileLocationsFollowTheEnvironment() throws {
        let fixture = try AWSHomeFixture(self)
        let config = try fixture.write("[profile elsewhere]\nregion = eu-west-1\n", to: "custom/config.ini")
        let credentials = try fixture.write("[elsewhere]\naws_access_key_id = AKID\n", to: "custom/creds.ini")
        let locations = ConfigFileLocations(
            environment: ["AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": "~/custom/creds.ini"], homeDirectory: fixture.path
        )
        XCTAssertEqual(locations.configPath, config)
        XCTAssertEqual(locations.credentialsPath, credentials)
        XCTAssertEqual(locations.configDisplayPath, "~/custom/config.ini")
        let shared = try SharedConfig.load(locations)
        XCTAssertEqual(shared.profile("elsewhere")?.settings, ["region": "eu-west-1", "aws_access_key_id": "AKID"])

        let defaults = ConfigFileLocations(environment: [:], homeDirectory: "/home/learner")
        XCTAssertEqual(defaults.configPath, "/home/learner/.aws/config")
        XCTAssertEqual(defaults.credentialsPath, "/home/learner/.aws/credentials")
        XCTAssertEqual(defaults.credentialsDisplayPath, "~/.aws/credentials")
    }

    func testMissingFilesAreEmptyAndAFolderIsAnError() throws {
        let fixture = try AWSHomeFixture(self)
        let shared = try SharedConfig.load(ConfigFileLocations(environment: [:], homeDirectory: fixture.path))
        XCTAssertTrue(shared.config.profiles.isEmpty)
        XCTAssertTrue(shared.credentials.profiles.isEmpty)

        let locations = ConfigFileLocations(environment: ["AWS_CONFIG_FILE": fixture.path], homeDirectory: "/nowhere")
        XCTAssertThrowsError(try SharedConfig.load(locations)) { error in
            XCTAssertEqual("\(error)", "The AWS configuration file \(fixture.path) cannot be read: it is a folder.")
        }
    }

    func testSettingsBeforeAnySectionAreIgnored() throws {
        let file = try parse("region = us-east-1\n[default]\noutput = json\n")
        XCTAssertEqual(file.profiles["default"]?.settings, ["output": "json"])
    }

    /// Found by SharedConfigFuzzTests: a secret indented by mistake under a
    /// setting continues that setting's value, and the error about the value
    /// quoted it whole, secret and all, over two lines.
    func testASecretIndentedUnderABadValueIsNeverInTheError() throws {
        let cases = [
            ("region = us east 1", "region in the profile \"default\" must be a region name such as ap-northeast-1, not \"us east 1\" and the indented lines under it."),
            ("max_attempts = 3", "max_attempts in the profile \"default\" must be a whole number of at least 1, not \"3\" and the indented lines under it."),
            ("retry_mode = fast", "retry_mode in the profile \"default\" must be standard, legacy or adaptive, not \"fast\" and the indented lines under it."),
            ("region = us-east-1\nendpoint_url = https://localhost:5000", "The endpoint URL in endpoint_url of the profile \"default\" is not valid: it goes on over more than one line, and a URL is one line."),
            ("region = us-east-1\nservices = local", "The profile \"default\" uses the services section \"local\" and the indented lines under it, but ~/.aws/config has no [services local] section."),
        ]
        for (setting, message) in cases {
            let config = "[default]\n\(setting)\n  aws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n"
            let shared = SharedConfig(
                locations: ConfigFileLocations(configPath: "/home/u/.aws/config", credentialsPath: "/home/u/.aws/credentials", homeDirectory: "/home/u"),
                config: try parse(config))
            XCTAssertThrowsError(try AWSConfiguration(environment: [:], shared: shared).endpoint(serviceID: "ECS", endpointPrefix: "ecs"), setting) { error in
                XCTAssertEqual("\(error)", message)
                XCTAssertFalse("\(error)".contains("wJalrXUtnFEMI"))
            }
        }
    }

    /// Found by SharedConfigFuzzTests: every continuation line copied the
    /// value so far, so 100,000 of them took seconds.
    func testALongContinuationIsReadInLinearTime() throws {
        let lines = 200_000
        let started = ContinuousClock.now
        let file = try parse("[default]\nnote = first\n" + String(repeating: "  more\n", count: lines))
        // Quadratic, this was about 8 s in a debug build; linear, under half a second.
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(5))
        XCTAssertEqual(file.profiles["default"]?["note"]?.utf8.count, "first".utf8.count + lines * "\nmore".utf8.count)
    }
}

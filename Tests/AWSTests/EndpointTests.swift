import XCTest
@testable import AWS

final class EndpointTests: XCTestCase {
    func testParsingURLs() throws {
        XCTAssertEqual(try Endpoint(parsing: "https://ecs.ap-northeast-1.amazonaws.com"),
                       Endpoint(scheme: "https", host: "ecs.ap-northeast-1.amazonaws.com"))
        XCTAssertEqual(try Endpoint(parsing: " HTTP://127.0.0.1:5000/ "), Endpoint(scheme: "http", host: "127.0.0.1", port: 5000))
        XCTAssertEqual(try Endpoint(parsing: "http://localhost:4566/moto/api//"),
                       Endpoint(scheme: "http", host: "localhost", port: 4566, basePath: "/moto/api"))
        XCTAssertEqual(try Endpoint(parsing: "http://[::1]:5000"), Endpoint(scheme: "http", host: "::1", port: 5000))
        XCTAssertEqual(try Endpoint(parsing: "https://moto_server"), Endpoint(scheme: "https", host: "moto_server"))
    }

    func testGarbageIsRejectedWithAReason() {
        let cases: [(String, String)] = [
            ("", "it is empty"),
            ("localhost:5000", "\"localhost:5000\" has no scheme; write it as https://host or http://host:port"),
            ("ftp://example.com", "\"ftp://example.com\" must start with https:// or http://"),
            ("https://", "\"https://\" has no host"),
            ("https://exa mple.com", "\"https://exa mple.com\" has an invalid host name"),
            ("https://example.com:0", "\"https://example.com:0\" has an invalid port; use a number from 1 to 65535"),
            ("https://example.com:99999", "\"https://example.com:99999\" has an invalid port; use a number from 1 to 65535"),
            ("https://example.com:http", "\"https://example.com:http\" has an invalid port; use a number from 1 to 65535"),
            ("https://example.com/?a=b", "\"https://example.com/?a=b\" must not have a query (?) or a fragment (#)"),
            ("https://[::1", "\"https://[::1\" opens an IPv6 address with [ but does not close it"),
            ("https://user:hunter2@example.com", "it must not contain a user name or password"),
        ]
        for (text, problem) in cases {
            XCTAssertThrowsError(try Endpoint(parsing: text), text) { error in
                XCTAssertEqual((error as? EndpointParseError)?.problem, problem, text)
            }
        }
    }

    func testURLAuthorityAndLoopback() throws {
        XCTAssertEqual(try Endpoint(parsing: "https://example.com:443/base").url, "https://example.com/base")
        XCTAssertEqual(try Endpoint(parsing: "http://[::1]:5000").url, "http://[::1]:5000")
        XCTAssertTrue(try Endpoint(parsing: "http://127.0.0.1:5000").isLoopback)
        XCTAssertTrue(try Endpoint(parsing: "http://127.8.9.10").isLoopback)
        XCTAssertTrue(try Endpoint(parsing: "http://localhost:5000").isLoopback)
        XCTAssertTrue(try Endpoint(parsing: "http://[::1]:5000").isLoopback)
        XCTAssertFalse(try Endpoint(parsing: "http://127.0.0.1.example.com").isLoopback)
        XCTAssertFalse(try Endpoint(parsing: "http://10.0.0.1").isLoopback)
    }

    func testRequestsGoUnderTheBasePath() throws {
        let endpoint = try Endpoint(parsing: "http://127.0.0.1:5000/prefix")
        let request = endpoint.request(method: "POST", path: "/2015-01-01/items", query: "a=1")
        XCTAssertEqual(request.url, "http://127.0.0.1:5000/prefix/2015-01-01/items?a=1")
        XCTAssertEqual(endpoint.request(method: "POST").url, "http://127.0.0.1:5000/prefix/")
        XCTAssertEqual(try Endpoint(parsing: "https://ec2.us-east-1.amazonaws.com").request(method: "POST").url,
                       "https://ec2.us-east-1.amazonaws.com/")
    }

    func testServiceNamesInVariablesAndConfigKeys() {
        XCTAssertEqual(EndpointResolver.environmentVariable(forServiceID: "ECS"), "AWS_ENDPOINT_URL_ECS")
        XCTAssertEqual(EndpointResolver.environmentVariable(forServiceID: "Resource Groups Tagging API"),
                       "AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API")
        XCTAssertEqual(EndpointResolver.environmentVariable(forServiceID: "Elastic Load Balancing v2"),
                       "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2")
        XCTAssertEqual(EndpointResolver.configKey(forServiceID: "CloudWatch Logs"), "cloudwatch_logs")
        XCTAssertEqual(EndpointResolver.configKey(forServiceID: "Application Auto Scaling"), "application_auto_scaling")
    }

    private let config = """
        [default]
        region = ap-northeast-1
        endpoint_url = http://127.0.0.1:4000
        services = local
        [services local]
        ecs =
          endpoint_url = http://127.0.0.1:4001
        [profile plain]
        region = ap-northeast-1
        [profile broken]
        services = absent
        """

    private func resolve(_ environment: [String: String], serviceID: String = "ECS", prefix: String = "ecs") throws -> ResolvedEndpoint {
        let fixture = try AWSHomeFixture(self, config: config)
        return try fixture.configuration(environment).endpoint(serviceID: serviceID, endpointPrefix: prefix)
    }

    func testPrecedenceOfConfiguredEndpoints() throws {
        let all = ["AWS_ENDPOINT_URL_ECS": "http://127.0.0.1:4003", "AWS_ENDPOINT_URL": "http://127.0.0.1:4002"]
        XCTAssertEqual(try resolve(all), ResolvedEndpoint(
            endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 4003), signingRegion: "ap-northeast-1",
            source: .serviceEnvironment(variable: "AWS_ENDPOINT_URL_ECS")
        ))
        XCTAssertEqual(try resolve(["AWS_ENDPOINT_URL": "http://127.0.0.1:4002"]).source, .globalEnvironment)
        let fromSection = try resolve([:])
        XCTAssertEqual(fromSection.endpoint.url, "http://127.0.0.1:4001")
        XCTAssertEqual(fromSection.source, .servicesSection(name: "local", key: "ecs"))
        let fromProfile = try resolve([:], serviceID: "EC2", prefix: "ec2")
        XCTAssertEqual(fromProfile.endpoint.url, "http://127.0.0.1:4000")
        XCTAssertEqual(fromProfile.source, .profile("default"))
        XCTAssertEqual(try resolve(["AWS_PROFILE": "plain"]), ResolvedEndpoint(
            endpoint: Endpoint(scheme: "https", host: "ecs.ap-northeast-1.amazonaws.com"), signingRegion: "ap-northeast-1",
            source: .awsDefault
        ))
    }

    func testIgnoringConfiguredEndpoints() throws {
        let ignored = try resolve(["AWS_ENDPOINT_URL_ECS": "http://127.0.0.1:4003", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"])
        XCTAssertEqual(ignored.endpoint.url, "https://ecs.ap-northeast-1.amazonaws.com")
        XCTAssertEqual(ignored.source, .awsDefault)
        let fixture = try AWSHomeFixture(self, config: "[default]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:1\n"
            + "ignore_configured_endpoint_urls = true\n")
        XCTAssertEqual(try fixture.configuration().endpoint(serviceID: "ECS", endpointPrefix: "ecs").source, .awsDefault)
        XCTAssertEqual(
            try fixture.configuration(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"]).endpoint(serviceID: "ECS", endpointPrefix: "ecs").source,
            .profile("default")
        )
    }

    func testBadConfiguredEndpointsNameWhereTheyCameFrom() throws {
        XCTAssertThrowsError(try resolve(["AWS_ENDPOINT_URL_ECS": "127.0.0.1:5000"])) { error in
            XCTAssertEqual("\(error)", "The endpoint URL in AWS_ENDPOINT_URL_ECS is not valid: "
                + "\"127.0.0.1:5000\" has no scheme; write it as https://host or http://host:port.")
        }
        XCTAssertThrowsError(try resolve(["AWS_PROFILE": "broken", "AWS_REGION": "us-east-1"])) { error in
            XCTAssertEqual("\(error)", "The profile \"broken\" uses the services section \"absent\", but ~/.aws/config has no [services absent] section.")
        }
        XCTAssertThrowsError(try resolve(["AWS_PROFILE": "broken"])) { error in
            XCTAssertEqual(error as? AWSConfigurationError, .missingRegion(profile: "broken", configPath: "~/.aws/config"))
        }
    }

    func testDefaultEndpoints() {
        func url(_ prefix: String, _ region: String, stsRegional: Bool = true) -> String {
            let resolved = EndpointResolver.defaultEndpoint(endpointPrefix: prefix, region: region, stsRegional: stsRegional)
            return "\(resolved.endpoint.url) \(resolved.signingRegion)"
        }
        XCTAssertEqual(url("ecs", "ap-northeast-1"), "https://ecs.ap-northeast-1.amazonaws.com ap-northeast-1")
        XCTAssertEqual(url("tagging", "us-west-2"), "https://tagging.us-west-2.amazonaws.com us-west-2")
        XCTAssertEqual(url("ecs", "cn-north-1"), "https://ecs.cn-north-1.amazonaws.com.cn cn-north-1")
        XCTAssertEqual(url("iam", "ap-northeast-1"), "https://iam.amazonaws.com us-east-1")
        XCTAssertEqual(url("iam", "cn-northwest-1"), "https://iam.cn-north-1.amazonaws.com.cn cn-north-1")
        XCTAssertEqual(url("iam", "us-gov-east-1"), "https://iam.us-gov.amazonaws.com us-gov-west-1")
        XCTAssertEqual(url("sts", "ap-northeast-1"), "https://sts.ap-northeast-1.amazonaws.com ap-northeast-1")
        XCTAssertEqual(url("sts", "ap-northeast-1", stsRegional: false), "https://sts.amazonaws.com us-east-1")
        XCTAssertEqual(url("sts", "ap-east-1", stsRegional: false), "https://sts.ap-east-1.amazonaws.com ap-east-1")
    }

    func testLegacySTSSettingComesFromTheEnvironmentOrProfile() throws {
        let sts = try resolve(["AWS_STS_REGIONAL_ENDPOINTS": "legacy", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"],
                              serviceID: "STS", prefix: "sts")
        XCTAssertEqual(sts.endpoint.url, "https://sts.amazonaws.com")
        XCTAssertEqual(sts.signingRegion, "us-east-1")
    }
}

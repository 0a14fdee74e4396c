/// Chooses a service's endpoint in the order the AWS SDKs document
/// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html)
/// and botocore implements: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`,
/// the profile's `services` section, the profile's `endpoint_url`, and then
/// AWS's default. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or
/// `ignore_configured_endpoint_urls = true` skips all but the default.
public struct EndpointResolver: Sendable, CustomReflectable {
    public var environment: [String: String]
    public var profileName: String
    public var profile: ConfigSection
    public var shared: SharedConfig

    public init(environment: [String: String], profileName: String, profile: ConfigSection, shared: SharedConfig) {
        self.environment = environment
        self.profileName = profileName
        self.profile = profile
        self.shared = shared
    }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "environment": SecretSetting.redactingEnvironment(environment), "profileName": profileName, "profile": profile, "shared": shared,
        ])
    }

    /// `serviceID` is the model's `serviceId` (`ECS`, `Resource Groups Tagging API`);
    /// `endpointPrefix` its `endpointPrefix` (`ecs`, `tagging`).
    public func resolve(serviceID: String, endpointPrefix: String, region: String) throws(AWSConfigurationError) -> ResolvedEndpoint {
        if !ignoresConfiguredEndpoints {
            if let configured = try configuredEndpoint(serviceID: serviceID) {
                return ResolvedEndpoint(endpoint: configured.endpoint, signingRegion: region, source: configured.source)
            }
        }
        return Self.defaultEndpoint(endpointPrefix: endpointPrefix, region: region, stsRegional: stsRegional)
    }

    public var ignoresConfiguredEndpoints: Bool {
        let setting = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? profile["ignore_configured_endpoint_urls"]
        return setting?.lowercased() == "true"
    }

    /// `legacy` sends STS calls from the original regions to the global endpoint.
    var stsRegional: Bool {
        let setting = environment["AWS_STS_REGIONAL_ENDPOINTS"].flatMap { $0.isEmpty ? nil : $0 } ?? profile["sts_regional_endpoints"]
        return setting?.lowercased() != "legacy"
    }

    /// `AWS_ENDPOINT_URL_` and the service id upper-cased, spaces and hyphens as underscores.
    public static func environmentVariable(forServiceID serviceID: String) -> String {
        "AWS_ENDPOINT_URL_" + configKey(forServiceID: serviceID).uppercased()
    }

    /// The key under a `[services name]` section: the service id lower-cased, spaces and hyphens as underscores.
    public static func configKey(forServiceID serviceID: String) -> String {
        String(serviceID.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    private func configuredEndpoint(serviceID: String) throws(AWSConfigurationError) -> (endpoint: Endpoint, source: ResolvedEndpoint.Source)? {
        let variable = Self.environmentVariable(forServiceID: serviceID)
        if let value = environment[variable], !value.isEmpty {
            return (try parse(value, origin: variable), .serviceEnvironment(variable: variable))
        }
        if let value = environment["AWS_ENDPOINT_URL"], !value.isEmpty {
            return (try parse(value, origin: "AWS_ENDPOINT_URL"), .globalEnvironment)
        }
        if let sectionName = profile["services"], !sectionName.isEmpty {
            guard let section = shared.config.services[sectionName] else {
                throw .servicesSectionNotFound(name: sectionName, profile: profileName, configPath: shared.locations.configDisplayPath)
            }
            let key = Self.configKey(forServiceID: serviceID)
            if let value = section.subSettings[key]?["endpoint_url"], !value.isEmpty {
                let source = ResolvedEndpoint.Source.servicesSection(name: sectionName, key: key)
                return (try parse(value, origin: source.description), source)
            }
        }
        if let value = profile["endpoint_url"], !value.isEmpty {
            let source = ResolvedEndpoint.Source.profile(profileName)
            return (try parse(value, origin: source.description), source)
        }
        return nil
    }

    private func parse(_ value: String, origin: String) throws(AWSConfigurationError) -> Endpoint {
        // The parse errors quote the URL, and lines that continue a setting may hold anything (a secret too).
        if value.contains("\n") {
            throw .invalidEndpoint(origin: origin, problem: "it goes on over more than one line, and a URL is one line")
        }
        do {
            return try Endpoint(parsing: value)
        } catch {
            throw .invalidEndpoint(origin: origin, problem: error.problem)
        }
    }

    /// Regions whose STS calls went to the global endpoint before regional
    /// endpoints became the default (botocore's list).
    static let legacyGlobalSTSRegions: Set<String> = [
        "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
        "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ]

    /// `https://{prefix}.{region}.{dns suffix}`, except IAM, which has one
    /// endpoint per partition, and STS in `legacy` mode.
    public static func defaultEndpoint(endpointPrefix: String, region: String, stsRegional: Bool = true) -> ResolvedEndpoint {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        func global(_ host: String, signingRegion: String) -> ResolvedEndpoint {
            ResolvedEndpoint(endpoint: Endpoint(scheme: "https", host: host), signingRegion: signingRegion, source: .awsDefault)
        }
        switch endpointPrefix {
        case "iam":
            if region.hasPrefix("cn-") { return global("iam.cn-north-1.amazonaws.com.cn", signingRegion: "cn-north-1") }
            if region.hasPrefix("us-gov-") { return global("iam.us-gov.amazonaws.com", signingRegion: "us-gov-west-1") }
            return global("iam.amazonaws.com", signingRegion: "us-east-1")
        case "sts" where !stsRegional && legacyGlobalSTSRegions.contains(region):
            return global("sts.amazonaws.com", signingRegion: "us-east-1")
        default:
            return ResolvedEndpoint(
                endpoint: Endpoint(scheme: "https", host: "\(endpointPrefix).\(region).\(suffix)"),
                signingRegion: region, source: .awsDefault
            )
        }
    }
}

import Foundation

/// Everything ecslab takes from the user's AWS setup: the chosen profile,
/// the region, retry settings and endpoints. It is built from an explicit
/// environment and home folder, so tests never read the real `~/.aws`.
public struct AWSConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var environment: [String: String]
    public var shared: SharedConfig
    public var profileName: String
    /// Who chose the profile: `--profile`, `AWS_PROFILE`, `AWS_DEFAULT_PROFILE` or nobody (`default`).
    public var profileOrigin: String
    /// The profile's settings; empty when the default profile is in neither file.
    public var profile: ConfigSection
    /// `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`.
    public var region: String?
    /// `AWS_MAX_ATTEMPTS`, then the profile's `max_attempts`; `nil` leaves the SDK default (3).
    public var maxAttempts: Int?
    /// `AWS_RETRY_MODE`, then the profile's `retry_mode`: `standard`, `legacy` or `adaptive`.
    public var retryMode: String?

    /// Reads the shared files named by `environment` (or under `homeDirectory`)
    /// and resolves the profile; `profile` is an explicit choice such as `--profile`.
    public static func load(
        environment: [String: String], homeDirectory: String?, profile: String? = nil
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let shared = try SharedConfig.load(ConfigFileLocations(environment: environment, homeDirectory: homeDirectory))
        return try AWSConfiguration(environment: environment, shared: shared, profile: profile)
    }

    /// The configuration of this process: its environment and the user's home folder.
    public static func loadForCurrentProcess(profile: String? = nil) throws(AWSConfigurationError) -> AWSConfiguration {
        let environment = ProcessInfo.processInfo.environment
        return try load(environment: environment, homeDirectory: homeDirectory(environment), profile: profile)
    }

    /// `HOME` first, as the aws CLI (Python's `expanduser`) does; on Linux
    /// Foundation's own answer comes from the password database instead.
    public static func homeDirectory(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    public init(environment: [String: String], shared: SharedConfig, profile explicitProfile: String? = nil) throws(AWSConfigurationError) {
        self.environment = environment
        self.shared = shared
        func setting(_ variable: String) -> String? {
            guard let value = environment[variable], !value.isEmpty else { return nil }
            return value
        }

        if let explicitProfile, !explicitProfile.isEmpty {
            (profileName, profileOrigin) = (explicitProfile, "--profile")
        } else if let named = setting("AWS_PROFILE") {
            (profileName, profileOrigin) = (named, "AWS_PROFILE")
        } else if let named = setting("AWS_DEFAULT_PROFILE") {
            (profileName, profileOrigin) = (named, "AWS_DEFAULT_PROFILE")
        } else {
            (profileName, profileOrigin) = ("default", "default")
        }
        if let found = shared.profile(profileName) {
            profile = found
        } else if profileOrigin == "default" {
            profile = ConfigSection()
        } else {
            throw .profileNotFound(
                name: profileName, origin: profileOrigin,
                configPath: shared.locations.configDisplayPath, credentialsPath: shared.locations.credentialsDisplayPath
            )
        }

        let profileDescription = "the profile \"\(profileName)\""
        if let value = setting("AWS_REGION") {
            region = try Self.validRegion(value, origin: "AWS_REGION")
        } else if let value = setting("AWS_DEFAULT_REGION") {
            region = try Self.validRegion(value, origin: "AWS_DEFAULT_REGION")
        } else if let value = profile["region"], !value.isEmpty {
            region = try Self.validRegion(value, origin: profileDescription)
        } else {
            region = nil
        }

        if let value = setting("AWS_MAX_ATTEMPTS") {
            maxAttempts = try Self.attempts(value, name: "AWS_MAX_ATTEMPTS", origin: "the environment")
        } else if let value = profile["max_attempts"], !value.isEmpty {
            maxAttempts = try Self.attempts(value, name: "max_attempts", origin: profileDescription)
        } else {
            maxAttempts = nil
        }

        let modes: Set<String> = ["standard", "legacy", "adaptive"]
        if let value = setting("AWS_RETRY_MODE") ?? profile["retry_mode"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard modes.contains(value) else {
                let name = setting("AWS_RETRY_MODE") != nil ? "AWS_RETRY_MODE" : "retry_mode"
                let origin = name == "AWS_RETRY_MODE" ? "the environment" : profileDescription
                throw .invalidSetting(name: name, value: value, origin: origin, expected: "standard, legacy or adaptive")
            }
            retryMode = value
        } else {
            retryMode = nil
        }
    }

    /// Names the profile and where its files are; the environment stays out, since it may hold keys.
    public var description: String {
        "AWSConfiguration(profile: \(profileName) from \(profileOrigin), region: \(region ?? "none"), "
            + "config: \(shared.locations.configDisplayPath), credentials: \(shared.locations.credentialsDisplayPath))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "environment": SecretSetting.redactingEnvironment(environment), "shared": shared, "profileName": profileName,
            "profileOrigin": profileOrigin, "profile": profile, "region": region as Any, "maxAttempts": maxAttempts as Any,
            "retryMode": retryMode as Any,
        ])
    }

    /// The region, or the error that says how to set one.
    public func requireRegion() throws(AWSConfigurationError) -> String {
        guard let region else {
            throw .missingRegion(profile: profileName, configPath: shared.locations.configDisplayPath)
        }
        return region
    }

    public var endpointResolver: EndpointResolver {
        EndpointResolver(environment: environment, profileName: profileName, profile: profile, shared: shared)
    }

    /// The endpoint for a service, in this configuration's region.
    public func endpoint(serviceID: String, endpointPrefix: String) throws(AWSConfigurationError) -> ResolvedEndpoint {
        try endpointResolver.resolve(serviceID: serviceID, endpointPrefix: endpointPrefix, region: requireRegion())
    }

    /// A region becomes part of host names, so only its own alphabet is accepted.
    private static func validRegion(_ value: String, origin: String) throws(AWSConfigurationError) -> String {
        let allowed = value.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        guard allowed, let first = value.first, first.isLetter else {
            let name = origin.hasPrefix("AWS_") ? origin : "region"
            let place = origin.hasPrefix("AWS_") ? "the environment" : origin
            throw .invalidSetting(name: name, value: value, origin: place, expected: "a region name such as ap-northeast-1")
        }
        return value
    }

    private static func attempts(_ value: String, name: String, origin: String) throws(AWSConfigurationError) -> Int {
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)), number >= 1 else {
            throw .invalidSetting(name: name, value: value, origin: origin, expected: "a whole number of at least 1")
        }
        return number
    }
}

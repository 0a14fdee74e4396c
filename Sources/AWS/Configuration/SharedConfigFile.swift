/// One parsed `~/.aws/config` or `~/.aws/credentials` file, following the
/// format of the AWS SDKs and Tools reference guide
/// (https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html).
public struct SharedConfigFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Profiles are `[default]` and `[profile name]`; `[services name]` sections hold endpoints.
        case config
        /// Every section is a profile, named exactly as written.
        case credentials
    }

    public var kind: Kind
    public var profiles: [String: ConfigSection]
    public var services: [String: ConfigSection]

    public init(kind: Kind, profiles: [String: ConfigSection] = [:], services: [String: ConfigSection] = [:]) {
        self.kind = kind
        self.profiles = profiles
        self.services = services
    }

    /// Parses `text`; `displayPath` only names the file in error messages.
    public init(parsing text: String, kind: Kind, displayPath: String) throws(AWSConfigurationError) {
        self = try SharedConfigParser(kind: kind, displayPath: displayPath).parse(text)
    }
}

import AWS
import Course
import Foundation

/// What a command was told about where and how to work: the settings every
/// course command takes, already parsed.
public struct WorkspaceOptions: Sendable {
    public var language: Language
    public var profile: String?
    public var region: String?
    public var endpointURL: String?
    /// The folder holding `lessons/` and `checks/`, when given.
    public var course: String?
    public var debug: Bool
    public var sandbox: Bool
    /// Whether what costs money gets a timer in the account (`--no-timer` turns it off).
    public var timer = true
    /// The environment AWS settings are read from, as the SDKs read them.
    public var environment: [String: String]
    /// The lesson the command names (`do LESSON/STEP`, `check LESSON`): when
    /// its file does not load, that is the command's one failure, not also a warning.
    public var lesson: String?

    public init(
        language: Language = .en, profile: String? = nil, region: String? = nil, endpointURL: String? = nil, course: String? = nil,
        debug: Bool = false, sandbox: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.language = language
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
        self.course = course
        self.debug = debug
        self.sandbox = sandbox
        self.environment = environment
    }

    /// The AWS configuration these options name: the profile in the files the
    /// environment points at, with `--region` over everything else.
    func awsConfiguration() throws -> AWSConfiguration {
        var configuration = try AWSConfiguration.load(
            environment: environment, homeDirectory: AWSConfiguration.homeDirectory(environment), profile: profile)
        if let region { configuration.region = region }
        return configuration
    }

    /// `--lang`, then `ECSLAB_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): `zh*` is Chinese.
    public static func language(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Language {
        if let option {
            guard let chosen = Language(rawValue: option) else {
                throw CommandFailure.usage("--lang takes zh or en, not \(option).")
            }
            return chosen
        }
        if let chosen = environment["ECSLAB_LANG"].flatMap(Language.init(rawValue:)) { return chosen }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return Language(locale: value) }
        }
        return .en
    }
}

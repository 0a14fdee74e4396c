/// A problem with the user's AWS configuration: each message is one sentence
/// that says what is wrong and where. Values are quoted only for settings that
/// can never hold a secret.
public enum AWSConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case malformedFile(path: String, line: Int, problem: String)
    /// `origin` says who chose the profile, e.g. `AWS_PROFILE` or `--profile`.
    case profileNotFound(name: String, origin: String, configPath: String, credentialsPath: String)
    case invalidSetting(name: String, value: String, origin: String, expected: String)
    case servicesSectionNotFound(name: String, profile: String, configPath: String)
    case invalidEndpoint(origin: String, problem: String)
    case missingRegion(profile: String, configPath: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "The AWS configuration file \(path) cannot be read: \(reason)."
        case .malformedFile(let path, let line, let problem):
            return "The AWS configuration file \(path) is not valid: line \(line) has \(problem)."
        case .profileNotFound(let name, let origin, let configPath, let credentialsPath):
            return "The AWS profile \"\(name)\" chosen by \(origin) is in neither \(configPath) nor \(credentialsPath); "
                + "create it with `aws configure --profile \(name)` or choose another profile."
        case .invalidSetting(let name, let value, let origin, let expected):
            return "\(name) in \(origin) must be \(expected), not \(Self.quoted(value))."
        case .servicesSectionNotFound(let name, let profile, let configPath):
            let firstLine = name.prefix { $0 != "\n" }
            return "The profile \"\(profile)\" uses the services section \(Self.quoted(name)), but \(configPath) has no [services \(firstLine)] section."
        case .invalidEndpoint(let origin, let problem):
            return "The endpoint URL in \(origin) is not valid: \(problem)."
        case .missingRegion(let profile, let configPath):
            return "No AWS region found: looked in AWS_REGION, AWS_DEFAULT_REGION and the profile \"\(profile)\" in \(configPath). "
                + "Set one with `aws configure set region ap-northeast-1`, or run `ecslab --sandbox`."
        }
    }

    /// A value as its own line writes it. The indented lines under a setting
    /// continue its value and may hold anything, a secret meant as a setting
    /// of its own among them, so they are never shown.
    static func quoted(_ value: String) -> String {
        guard let newline = value.firstIndex(of: "\n") else { return "\"\(value)\"" }
        return "\"\(value[..<newline])\" and the indented lines under it"
    }
}

import Foundation

/// Why no credentials could be had. Every message is one plain sentence with
/// a way out; none ever contains a key, a secret, a token or a process's output.
public enum CredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    case noCredentials(profile: String, configPath: String, credentialsPath: String)
    /// `source` is where the half pair was found; `missing` the setting that is absent.
    case partialCredentials(source: String, missing: String)
    case sourceProfileNotFound(name: String, usedBy: String)
    case sourceProfileHasNoCredentials(name: String, usedBy: String)
    /// The profiles in the order `source_profile` led through them, the first repeated at the end.
    case sourceProfileCycle([String])
    case roleWithoutSource(profile: String)
    case roleWithTwoSources(profile: String)
    case environmentSourceEmpty(profile: String)
    case unsupportedSetting(name: String, profile: String, hint: String)
    case invalidSetting(name: String, value: String, profile: String, expected: String)
    case processNotStarted(profile: String, reason: String)
    case processFailed(profile: String, status: Int32)
    case processKilled(profile: String, signal: Int32)
    case processOutputInvalid(profile: String, problem: String)
    case processCredentialsExpired(profile: String, at: Date)

    public var description: String {
        switch self {
        case .noCredentials(let profile, let configPath, let credentialsPath):
            let configure = profile == "default" ? "aws configure" : "aws configure --profile \(profile)"
            return "No AWS credentials found: looked in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the profile \"\(profile)\" in "
                + "\(credentialsPath) and \(configPath). Set them with `\(configure)`, or run `ecslab --sandbox`."
        case .partialCredentials(let source, let missing):
            return "Only half of an AWS access key was found in \(source): \(missing) is missing; set both the key id and its secret."
        case .sourceProfileNotFound(let name, let usedBy):
            return "The profile \"\(usedBy)\" names source_profile \"\(name)\", which is in neither AWS configuration file."
        case .sourceProfileHasNoCredentials(let name, let usedBy):
            return "The profile \"\(name)\", the source_profile of \"\(usedBy)\", has no credentials: "
                + "give it aws_access_key_id and aws_secret_access_key, a credential_process or a role_arn."
        case .sourceProfileCycle(let chain):
            return "The source_profile settings form a loop (\(chain.joined(separator: " -> "))); "
                + "end the chain at a profile that has its own keys."
        case .roleWithoutSource(let profile):
            return "The profile \"\(profile)\" has a role_arn but neither source_profile nor credential_source to assume it with."
        case .roleWithTwoSources(let profile):
            return "The profile \"\(profile)\" has both source_profile and credential_source; keep only one of them."
        case .environmentSourceEmpty(let profile):
            return "The profile \"\(profile)\" has credential_source = Environment, "
                + "but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set."
        case .unsupportedSetting(let name, let profile, let hint):
            return "The profile \"\(profile)\" uses \(name), which ecslab does not support; \(hint)."
        case .invalidSetting(let name, let value, let profile, let expected):
            // Only the value's own line: a secret may be indented under it.
            return "\(name) in the profile \"\(profile)\" must be \(expected), not \(AWSConfigurationError.quoted(value))."
        case .processNotStarted(let profile, let reason):
            return "The credential_process of the profile \"\(profile)\" could not be started: \(reason)."
        case .processFailed(let profile, let status):
            return "The credential_process of the profile \"\(profile)\" failed with exit status \(status); "
                + "its own error message, if it printed one, is above."
        case .processKilled(let profile, let signal):
            return "The credential_process of the profile \"\(profile)\" was killed by signal \(signal)."
        case .processOutputInvalid(let profile, let problem):
            return "The credential_process of the profile \"\(profile)\" printed output that is not valid credentials: \(problem)."
        case .processCredentialsExpired(let profile, let expiration):
            let time = ISO8601DateFormatter().string(from: expiration)
            return "The credential_process of the profile \"\(profile)\" returned credentials that expired at \(time); "
                + "renew them the way that program needs (sign in to it again, say), then run the command again."
        }
    }
}

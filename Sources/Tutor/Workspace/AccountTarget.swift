import AWS
import Foundation

/// Which AWS the tutor talks to: the one place that decides, so that the
/// sandbox takes over when there are no credentials at all.
public enum AccountTarget: Equatable, Sendable {
    /// `--endpoint-url` or `AWS_ENDPOINT_URL`: a moto server, say.
    case endpoint(String)
    /// The learner's own account, from the standard credentials chain.
    case realAccount
    /// `--sandbox`, or no credentials anywhere: the local sandbox.
    case sandbox

    public static func choose(_ options: WorkspaceOptions) -> AccountTarget {
        let environment = options.environment
        if options.sandbox { return .sandbox }
        if let url = options.endpointURL { return .endpoint(url) }
        if let url = environment["AWS_ENDPOINT_URL"], !url.isEmpty { return .endpoint(url) }
        return hasCredentials(options, environment: environment) ? .realAccount : .sandbox
    }

    /// Whether any account is named at all: the sandbox, an endpoint, or
    /// something for the standard chain to start from.
    public static func isKnown(_ options: WorkspaceOptions) -> Bool {
        choose(options) != .sandbox || options.sandbox
    }

    /// Whether the standard chain has anything to start from; the chain itself
    /// says later whether it works.
    static func hasCredentials(_ options: WorkspaceOptions, environment: [String: String]) -> Bool {
        if options.profile != nil { return true }
        for name in ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"] {
            if let value = environment[name], !value.isEmpty { return true }
        }
        let home = AWSConfiguration.homeDirectory(environment)
        let files = [
            environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "\(home)/.aws/credentials",
            environment["AWS_CONFIG_FILE"] ?? "\(home)/.aws/config",
        ]
        return files.contains { FileManager.default.fileExists(atPath: $0) }
    }
}

/// The settings and environment variables that hold secrets, so that every
/// description, debug description and `dump` of configuration hides them.
enum SecretSetting {
    static let configKeys: Set<String> = ["aws_secret_access_key", "aws_session_token", "aws_security_token"]
    static let environmentVariables: Set<String> = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"]
    static let placeholder = "<redacted>"

    static func redactingSettings(_ settings: [String: String]) -> [String: String] {
        var copy = settings
        for key in configKeys where copy[key] != nil { copy[key] = placeholder }
        return copy
    }

    static func redactingEnvironment(_ environment: [String: String]) -> [String: String] {
        var copy = environment
        for name in environmentVariables where copy[name] != nil { copy[name] = placeholder }
        return copy
    }
}

/// Where the shared config and credentials files are: `AWS_CONFIG_FILE` and
/// `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config` and `~/.aws/credentials`.
public struct ConfigFileLocations: Sendable, Equatable {
    public var configPath: String
    public var credentialsPath: String
    /// Used to write paths as `~/...` in messages, as users know them.
    public var homeDirectory: String?

    public init(configPath: String, credentialsPath: String, homeDirectory: String? = nil) {
        self.configPath = configPath
        self.credentialsPath = credentialsPath
        self.homeDirectory = homeDirectory
    }

    public init(environment: [String: String], homeDirectory: String?) {
        func path(_ variable: String, default relative: String) -> String {
            if let configured = environment[variable], !configured.isEmpty {
                return Self.expandingTilde(configured, homeDirectory: homeDirectory)
            }
            return Self.join(homeDirectory ?? "~", relative)
        }
        self.init(
            configPath: path("AWS_CONFIG_FILE", default: ".aws/config"),
            credentialsPath: path("AWS_SHARED_CREDENTIALS_FILE", default: ".aws/credentials"),
            homeDirectory: homeDirectory
        )
    }

    public var configDisplayPath: String { displayPath(configPath) }
    public var credentialsDisplayPath: String { displayPath(credentialsPath) }

    func displayPath(_ path: String) -> String {
        guard let homeDirectory, !homeDirectory.isEmpty else { return path }
        let home = homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        if path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    static func expandingTilde(_ path: String, homeDirectory: String?) -> String {
        guard let homeDirectory, path == "~" || path.hasPrefix("~/") else { return path }
        return join(homeDirectory, String(path.dropFirst(2)))
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        if relative.isEmpty { return directory }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}

import Foundation

/// Both shared files, read once. A file that does not exist counts as empty,
/// as it does for the SDKs: most machines have only one of the two.
public struct SharedConfig: Sendable, Equatable {
    public var locations: ConfigFileLocations
    public var config: SharedConfigFile
    public var credentials: SharedConfigFile

    public init(
        locations: ConfigFileLocations,
        config: SharedConfigFile = SharedConfigFile(kind: .config),
        credentials: SharedConfigFile = SharedConfigFile(kind: .credentials)
    ) {
        self.locations = locations
        self.config = config
        self.credentials = credentials
    }

    public static func load(_ locations: ConfigFileLocations) throws(AWSConfigurationError) -> SharedConfig {
        SharedConfig(
            locations: locations,
            config: try read(locations.configPath, kind: .config, displayPath: locations.configDisplayPath),
            credentials: try read(locations.credentialsPath, kind: .credentials, displayPath: locations.credentialsDisplayPath)
        )
    }

    /// The profile as the CLI sees it: the config file's settings with the
    /// credentials file's laid over them. `nil` when neither file has it.
    public func profile(_ name: String) -> ConfigSection? {
        let fromConfig = config.profiles[name]
        let fromCredentials = credentials.profiles[name]
        if fromConfig == nil && fromCredentials == nil { return nil }
        return (fromConfig ?? ConfigSection()).overlaid(with: fromCredentials ?? ConfigSection())
    }

    private static func read(_ path: String, kind: SharedConfigFile.Kind, displayPath: String) throws(AWSConfigurationError) -> SharedConfigFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return SharedConfigFile(kind: kind)
        }
        if isDirectory.boolValue {
            throw .unreadableFile(path: displayPath, reason: "it is a folder")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: displayPath, reason: "permission denied or the file vanished while reading")
        }
        return try SharedConfigFile(parsing: String(decoding: data, as: UTF8.self), kind: kind, displayPath: displayPath)
    }
}

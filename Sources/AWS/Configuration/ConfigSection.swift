/// The settings of one `[section]` of a shared config or credentials file.
///
/// A setting whose value is empty and is followed by indented lines holds
/// sub-settings instead (`s3 =` then `  max_concurrent_requests = 10`, or a
/// service's `endpoint_url` in a `[services name]` section).
public struct ConfigSection: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Keys are lower-cased, as the SDKs compare them.
    public var settings: [String: String]
    public var subSettings: [String: [String: String]]

    public init(settings: [String: String] = [:], subSettings: [String: [String: String]] = [:]) {
        self.settings = settings
        self.subSettings = subSettings
    }

    public subscript(key: String) -> String? {
        settings[key.lowercased()]
    }

    public var isEmpty: Bool { settings.isEmpty && subSettings.isEmpty }

    public var description: String {
        let settings = SecretSetting.redactingSettings(settings)
        let lines = settings.keys.sorted().map { "\($0) = \(settings[$0] ?? "")" }
        let nested = subSettings.keys.sorted().map { key in
            "\(key) = {" + (subSettings[key] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ") + "}"
        }
        return "ConfigSection(" + (lines + nested).joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["settings": SecretSetting.redactingSettings(settings), "subSettings": subSettings])
    }

    /// This section with `other`'s settings laid over it: a key in both takes `other`'s value.
    public func overlaid(with other: ConfigSection) -> ConfigSection {
        var merged = self
        merged.settings.merge(other.settings) { _, new in new }
        merged.subSettings.merge(other.subSettings) { _, new in new }
        return merged
    }
}

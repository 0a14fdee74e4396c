import Foundation
import JSON

/// Fetches a learner's running app for an HTTP check. The real one uses
/// libcurl; the sandbox routes simulated tasks to loopback; tests script it.
public protocol HTTPProber: Sendable {
    /// `{status, body, json}` for a GET of `url`; `json` is the body parsed,
    /// or null.
    func get(_ url: String, timeoutSeconds: Int) async throws -> JSON
}

/// Thrown by a prober that cannot look here at all (the sandbox has no Node
/// to run the app): the check is not applicable, neither passed nor failed.
public struct ProbeUnavailable: Error, Sendable, CustomStringConvertible {
    public var reason: LocalizedText

    public init(reason: LocalizedText) {
        self.reason = reason
    }

    public var description: String { reason.en }
}

/// Reads a local file for a file check: `{exists, text, lines}`.
public struct FileProbeReader: Sendable {
    /// Where `~` and relative paths lead.
    public var paths: PathResolver

    public init(paths: PathResolver = PathResolver()) {
        self.paths = paths
    }

    public func read(_ path: String) -> JSON {
        guard let data = FileManager.default.contents(atPath: paths.url(path).path),
            let text = String(data: data, encoding: .utf8)
        else {
            return ["exists": false, "text": nil, "lines": []]
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { JSON.string(String($0)) }
        return ["exists": true, "text": .string(text), "lines": .array(lines)]
    }
}

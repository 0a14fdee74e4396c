import Foundation
import JSON

/// Fetches a learner's running app for an HTTP check. The real one uses
/// libcurl; the sandbox routes simulated tasks to loopback; tests script it.
public protocol HTTPProber: Sendable {
    /// `{status, body, json}` for a GET of `url`; `json` is the body parsed,
    /// or null.
    func get(_ url: String, timeoutSeconds: Int) async throws -> JSON
}

/// Reads a local file for a file check: `{exists, text, lines}`.
public struct FileProbeReader: Sendable {
    public init() {}

    public func read(_ path: String) -> JSON {
        let expanded = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded),
            let text = String(data: data, encoding: .utf8)
        else {
            return ["exists": false, "text": nil, "lines": []]
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { JSON.string(String($0)) }
        return ["exists": true, "text": .string(text), "lines": .array(lines)]
    }
}

/// An http(s) URL of an HTTP check, split once into the parts the probe, the
/// host rule and the sandbox's routing each need.
public struct ProbeURL: Sendable, Equatable {
    public var scheme: String
    /// `host[:port]` as written.
    public var authority: String
    /// Lower-cased, without brackets or port.
    public var host: String
    /// The path (at least `/`) and the query without its `?`.
    public var path: String
    public var query: String

    /// `nil` for anything but a plain http(s) URL; one with user info
    /// (`http://a@b/`) is refused, since it hides where it really goes.
    public init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = String(url[..<schemeEnd.lowerBound])
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
        } else {
            host = authority.split(separator: ":", maxSplits: 1).first ?? ""
        }
        guard !host.isEmpty else { return nil }
        let remainder = rest.dropFirst(authority.count).prefix { $0 != "#" }
        let path = remainder.prefix { $0 != "?" }
        self.scheme = scheme
        self.authority = String(authority)
        self.host = host.lowercased()
        self.path = path.isEmpty ? "/" : String(path)
        self.query = String(remainder.drop { $0 != "?" }.dropFirst())
    }

    /// What follows the authority: path and query, as a request line has them.
    public var pathAndQuery: String { query.isEmpty ? path : "\(path)?\(query)" }
}

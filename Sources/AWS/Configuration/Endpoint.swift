import Foundation

/// Where a service's requests go: `scheme://host[:port][/base/path]`, as an
/// `endpoint_url` setting or an `AWS_ENDPOINT_URL*` variable gives it.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    /// `https` or `http`, lower-case.
    public var scheme: String
    /// A name or an IP address; an IPv6 address without its brackets.
    public var host: String
    /// `nil` means the scheme's default port.
    public var port: Int?
    /// Empty, or a path that starts with `/` and does not end with one.
    public var basePath: String

    public init(scheme: String, host: String, port: Int? = nil, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    public init(parsing text: String) throws(EndpointParseError) {
        let url = text.trimmingCharacters(in: .whitespaces)
        if url.isEmpty { throw EndpointParseError(problem: "it is empty") }
        guard let separator = url.range(of: "://") else {
            throw EndpointParseError(problem: "\"\(url)\" has no scheme; write it as https://host or http://host:port")
        }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw EndpointParseError(problem: "\"\(url)\" must start with https:// or http://")
        }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            // Never echoed: the part before @ may be a password.
            throw EndpointParseError(problem: "it must not contain a user name or password")
        }
        if rest.contains("?") || rest.contains("#") {
            throw EndpointParseError(problem: "\"\(url)\" must not have a query (?) or a fragment (#)")
        }
        let (host, port) = try Self.hostAndPort(authority, url: url)
        var path = String(rest[authority.endIndex...])
        if path.contains(where: { $0 == " " || $0 == "\t" }) {
            throw EndpointParseError(problem: "\"\(url)\" has white space in its path")
        }
        while path.hasSuffix("/") { path.removeLast() }
        self.init(scheme: scheme, host: host, port: port, basePath: path)
    }

    private static func hostAndPort(_ authority: Substring, url: String) throws(EndpointParseError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw EndpointParseError(problem: "\"\(url)\" opens an IPv6 address with [ but does not close it")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw EndpointParseError(problem: "\"\(url)\" has text after its IPv6 address") }
                portText = after.dropFirst()
            }
            if host.isEmpty || !host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) {
                throw EndpointParseError(problem: "\"\(url)\" has an invalid IPv6 address")
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            let allowed = { (character: Character) in
                character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "." || character == "_")
            }
            if host.isEmpty { throw EndpointParseError(problem: "\"\(url)\" has no host") }
            if !host.allSatisfy(allowed) || host.hasPrefix(".") || host.hasPrefix("-") {
                throw EndpointParseError(problem: "\"\(url)\" has an invalid host name")
            }
        }
        guard let portText else { return (String(host), nil) }
        guard let port = Int(portText), portText.allSatisfy(\.isASCII), (1...65535).contains(port) else {
            throw EndpointParseError(problem: "\"\(url)\" has an invalid port; use a number from 1 to 65535")
        }
        return (String(host), port)
    }

    /// The `Host` header and URL authority: the port shows only when it is not the scheme's default.
    public var authority: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return hostPart }
        return "\(hostPart):\(port)"
    }

    public var url: String { "\(scheme)://\(authority)\(basePath)" }

    public var description: String { url }

    /// Whether the host is this machine, the only place plain `http` may go.
    public var isLoopback: Bool {
        let name = host.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// A request to `path` (already percent-encoded, starting with `/`) under the base path.
    public func request(
        method: String, path: String = "/", query: String = "", headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
    ) -> HTTPRequest {
        let fullPath = basePath.isEmpty ? (path.isEmpty ? "/" : path) : basePath + (path == "/" ? "/" : path)
        return HTTPRequest(
            method: method, scheme: scheme, host: host, port: port, path: fullPath, query: query, headers: headers, body: body
        )
    }
}

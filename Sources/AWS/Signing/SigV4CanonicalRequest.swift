/// The canonical form of a request that SigV4 hashes and signs
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
struct SigV4CanonicalRequest: Sendable, Equatable {
    /// Headers that proxies and HTTP clients add or rewrite on the way, so
    /// signing them would break the signature; the SDKs leave them out too.
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "expect", "x-amzn-trace-id", "connection", "transfer-encoding",
    ]

    let text: String
    /// The lower-case names joined by `;`, as `SignedHeaders=` carries them.
    let signedHeaders: String

    init(request: HTTPRequest, payloadHash: String, normalizePath: Bool, excludedHeaders: Set<String> = []) {
        let (headerLines, names) = Self.canonicalHeaders(request.headers, excluding: Self.unsignedHeaders.union(excludedHeaders))
        signedHeaders = names.joined(separator: ";")
        text = [
            request.method,
            Self.canonicalURI(request.path, normalize: normalizePath),
            Self.canonicalQuery(request.query),
            headerLines,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
    }

    /// The path, with dot segments and empty segments removed when `normalize`
    /// (every service but S3), then percent-encoded once more. The path arrives
    /// already encoded as sent, so this is the double encoding AWS expects.
    static func canonicalURI(_ path: String, normalize: Bool) -> String {
        let source = path.isEmpty ? "/" : path
        let normalized = normalize ? normalizedPath(source) : source
        return SigV4URIEncoding.encode(normalized, keepingSlashes: true)
    }

    /// RFC 3986 dot-segment removal plus collapsing `//`, keeping a trailing
    /// slash as botocore does.
    static func normalizedPath(_ path: String) -> String {
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !kept.isEmpty { kept.removeLast() }
            default: kept.append(segment)
            }
        }
        if kept.isEmpty { return "/" }
        let joined = "/" + kept.joined(separator: "/")
        return path.hasSuffix("/") ? joined + "/" : joined
    }

    /// Parameters sorted by encoded name, then value, each encoded exactly once
    /// whether or not the caller already encoded it. A `+` is a literal plus
    /// (`%2B`), never a space: SigV4 wants spaces sent as `%20`.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(name: String, value: String)] = []
        for parameter in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = parameter.firstIndex(of: "=") {
                name = parameter[..<equals]
                value = parameter[parameter.index(after: equals)...]
            } else {
                name = parameter
                value = ""
            }
            pairs.append((
                SigV4URIEncoding.encode(bytes: SigV4URIEncoding.decode(String(name))),
                SigV4URIEncoding.encode(bytes: SigV4URIEncoding.decode(String(value)))
            ))
        }
        pairs.sort { lhs, rhs in
            lhs.name == rhs.name ? Array(lhs.value.utf8).lexicographicallyPrecedes(Array(rhs.value.utf8))
                : Array(lhs.name.utf8).lexicographicallyPrecedes(Array(rhs.name.utf8))
        }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// `name:value` lines in name order, every line ending in a newline; repeated
    /// names join their values with commas in the order they were sent.
    static func canonicalHeaders(_ headers: HTTPHeaders, excluding excluded: Set<String>) -> (lines: String, names: [String]) {
        var valuesByName: [String: [String]] = [:]
        for field in headers.fields {
            let name = field.name.lowercased()
            if excluded.contains(name) { continue }
            valuesByName[name, default: []].append(trimmedValue(field.value))
        }
        let names = valuesByName.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var lines = ""
        for name in names {
            lines += name + ":" + (valuesByName[name] ?? []).joined(separator: ",") + "\n"
        }
        return (lines, names)
    }

    /// Leading and trailing white space removed, inner runs (including folded
    /// continuation lines) collapsed to one space.
    static func trimmedValue(_ value: String) -> String {
        value.split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}

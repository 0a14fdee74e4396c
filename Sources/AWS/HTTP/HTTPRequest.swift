/// One HTTP request as it goes on the wire. `path` and `query` are already
/// percent-encoded, exactly as sent, because SigV4 signs those bytes.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var scheme: String
    public var host: String
    public var port: Int?
    public var path: String
    /// The query string without its leading `?`; empty when there is none.
    public var query: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(
        method: String, scheme: String = "https", host: String, port: Int? = nil,
        path: String = "/", query: String = "", headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The `Host` header's value: the port appears only when it is not the
    /// scheme's default, as HTTP clients send it and SigV4 signs it.
    public var authority: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else {
            return host
        }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    public var url: String {
        let base = "\(scheme)://\(authority)\(path.isEmpty ? "/" : path)"
        return query.isEmpty ? base : base + "?" + query
    }
}

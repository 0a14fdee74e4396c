import AWS
import JSON

/// The HTTP probe over the project's transport: a GET whose answer becomes
/// `{status, body, json}` for a check's assertions.
public struct TransportProber: HTTPProber {
    public var transport: any HTTPTransport

    public init(transport: any HTTPTransport) {
        self.transport = transport
    }

    public func get(_ url: String, timeoutSeconds: Int) async throws -> JSON {
        guard let schemeEnd = url.range(of: "://") else { throw ProbeError.badURL(url) }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        let remainder = rest.dropFirst(authority.count)
        let path = remainder.prefix { $0 != "?" }
        guard let endpoint = try? Endpoint(parsing: String(url[..<schemeEnd.upperBound] + authority)) else {
            throw ProbeError.badURL(url)
        }
        let request = HTTPRequest(
            method: "GET", scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            path: path.isEmpty ? "/" : String(path), query: String(remainder.drop { $0 != "?" }.dropFirst()))
        let response = try await transport.send(request)
        let body = response.bodyText
        return [
            "status": .integer(response.status), "body": .string(body),
            "json": (try? JSON(parsing: body)) ?? .null,
        ]
    }
}

enum ProbeError: Error, CustomStringConvertible {
    case badURL(String)

    var description: String {
        switch self {
        case .badURL(let url): return "not a URL: \(url)"
        }
    }
}

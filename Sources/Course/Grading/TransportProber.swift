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
        guard let parts = ProbeURL(url), let endpoint = try? Endpoint(parsing: "\(parts.scheme)://\(parts.authority)") else {
            throw ProbeError.badURL(url)
        }
        let request = HTTPRequest(
            method: "GET", scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port, path: parts.path, query: parts.query)
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

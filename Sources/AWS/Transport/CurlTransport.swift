/// The real HTTP transport, on libcurl.
///
/// - TLS peer and host name verification are always on; plain `http://` is
///   refused before sending unless the host is this machine (the local moto
///   server), so signed requests never cross a network in clear text.
/// - Connections stay open and are reused by later calls.
/// - Proxies come from the environment, as libcurl reads them: `HTTPS_PROXY`
///   (or `https_proxy`) for `https://` endpoints, lower-case `http_proxy` for
///   `http://` ones, and `NO_PROXY` (or `no_proxy`) for hosts to reach directly.
/// - Transfers run on threads of their own; cancelling the calling task aborts
///   the transfer.
public final class CurlTransport: HTTPTransport {
    public let options: CurlTransportOptions
    private let pool: CurlWorkerPool

    public init(options: CurlTransportOptions = CurlTransportOptions()) {
        self.options = options
        self.pool = CurlWorkerPool(options: options)
    }

    deinit {
        pool.shutDown()
    }

    /// Connections opened since this transport was created; fewer than the
    /// calls made means connections were reused.
    public var openedConnectionCount: Int { pool.openedConnectionCount }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Self.validate(request)
        try Task.checkCancellation()
        let cancellation = TransferCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                pool.submit(CurlJob(request: request, cancellation: cancellation, continuation: continuation))
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Refuses, before anything is sent, what this transport must never send.
    static func validate(_ request: HTTPRequest) throws(AWSTransportError) {
        switch request.scheme.lowercased() {
        case "https":
            break
        case "http":
            guard LoopbackHost.contains(request.host) else {
                throw AWSTransportError(kind: .insecureEndpoint, host: request.authority)
            }
        default:
            throw AWSTransportError(
                kind: .invalidURL, host: request.authority, detail: "the scheme must be https or http, not \(request.scheme)"
            )
        }
        if request.host.isEmpty || request.host.contains(where: { $0 == "/" || $0 == " " || $0 == "@" }) {
            throw AWSTransportError(kind: .invalidURL, host: request.host, detail: "the host name is not valid")
        }
    }
}

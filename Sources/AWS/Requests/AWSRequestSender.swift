import Foundation

/// Sends one API request the way every AWS SDK does: signs it with SigV4
/// (afresh for every attempt, so a retry never carries a stale date), sends
/// it, retries what the standard retry mode retries, and turns an error
/// response into an `AWSServiceError`. Returns the response of a success.
///
/// The request it takes is complete but unsigned: endpoint, path, query,
/// headers and body already serialized by the protocol layer.
public struct AWSRequestSender: Sendable {
    public var transport: any HTTPTransport
    public var credentials: any CredentialsProvider
    public var region: String
    public var retry: StandardRetryStrategy
    public var debugLog: DebugLog?
    /// The signing clock; tests fix it.
    public var now: @Sendable () -> Date

    public init(
        transport: any HTTPTransport,
        credentials: any CredentialsProvider,
        region: String,
        retry: StandardRetryStrategy = StandardRetryStrategy(),
        debugLog: DebugLog? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.credentials = credentials
        self.region = region
        self.retry = retry
        self.debugLog = debugLog
        self.now = now
    }

    /// - Parameters:
    ///   - signingName: the service name in the credential scope (`sts`,
    ///     `ecs`, `elasticloadbalancing`), which is not always the endpoint's.
    ///   - signBody: adds `x-amz-content-sha256`, which S3-like services want.
    ///   - normalizePath: false only for S3, whose keys may contain `..`.
    public func send(
        _ request: HTTPRequest, signingName: String, signBody: Bool = false, normalizePath: Bool = true
    ) async throws -> HTTPResponse {
        let signer = SigV4Signer(region: region, service: signingName, normalizePath: normalizePath, signBody: signBody)
        let log = debugLog
        return try await retry.run({ attempt in
            let keys = try await credentials.credentials()
            var signed = request
            signer.sign(&signed, credentials: keys, date: now())
            log?.request(signed, attempt: attempt)
            let response: HTTPResponse
            do {
                response = try await transport.send(signed)
            } catch {
                log?.failure(error, for: signed, attempt: attempt)
                throw error
            }
            log?.response(response, for: signed, attempt: attempt)
            guard (200..<300).contains(response.status) else {
                throw AWSErrorResponseParser.parse(response)
            }
            return response
        }, willRetry: { error, nextAttempt, delay in
            log?.retry(after: error, nextAttempt: nextAttempt, delay: delay)
        }, leftToCaller: { error in
            log?.leftToCaller(error)
        })
    }
}

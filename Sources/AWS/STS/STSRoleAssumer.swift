/// The credentials chain's way to call STS AssumeRole for `role_arn` +
/// `source_profile` profiles, signing with the source profile's keys.
public struct STSRoleAssumer: RoleAssumer {
    public var transport: any HTTPTransport
    /// The STS endpoint for a region: `AWS_ENDPOINT_URL_STS`, a profile's
    /// `endpoint_url` or the local sandbox when configured, else the regional one.
    public var endpoint: @Sendable (_ region: String) -> Endpoint
    public var retry: StandardRetryStrategy
    public var debugLog: DebugLog?

    public init(
        transport: any HTTPTransport,
        endpoint: @escaping @Sendable (_ region: String) -> Endpoint = STSClient.regionalEndpoint(for:),
        retry: StandardRetryStrategy = StandardRetryStrategy(),
        debugLog: DebugLog? = nil
    ) {
        self.transport = transport
        self.endpoint = endpoint
        self.retry = retry
        self.debugLog = debugLog
    }

    public func assumeRole(_ request: AssumeRoleRequest, with source: AWSCredentials, region: String) async throws -> AWSCredentials {
        let sender = AWSRequestSender(
            transport: transport, credentials: SourceCredentials(credentials: source), region: region,
            retry: retry, debugLog: debugLog
        )
        return try await STSClient(sender: sender, endpoint: endpoint(region)).assumeRole(request)
    }
}

/// The source profile's keys, already resolved by the chain.
private struct SourceCredentials: CredentialsProvider {
    let credentials: AWSCredentials

    func credentials() async throws -> AWSCredentials { credentials }
}

import Foundation
import JSON

/// Everything a command needs to talk to AWS, assembled once from the
/// user's configuration: region, credentials chain (with STS for assumed
/// roles), retries, the libcurl transport and the model-driven client.
public struct AWSSession: Sendable {
    public let configuration: AWSConfiguration
    public let region: String
    public let client: AWSClient
    /// Where the credentials come from, for `status` and error messages.
    public let credentialSource: CredentialSource

    /// - Parameters:
    ///   - endpointOverride: one endpoint for every service (`--endpoint-url`,
    ///     or the sandbox), which also receives STS calls.
    public init(
        configuration: AWSConfiguration, endpointOverride: Endpoint? = nil, debugLog: DebugLog? = nil,
        transport: (any HTTPTransport)? = nil
    ) throws {
        let region = try configuration.requireRegion()
        let transport = transport ?? CurlTransport()
        let retry = StandardRetryStrategy(maximumAttempts: configuration.maxAttempts ?? StandardRetryStrategy.defaultMaximumAttempts)
        let stsEndpoint: @Sendable (String) -> Endpoint = { [configuration] region in
            endpointOverride
                ?? (try? configuration.endpoint(serviceID: "STS", endpointPrefix: "sts").endpoint)
                ?? STSClient.regionalEndpoint(for: region)
        }
        let chain = try CredentialChain(
            configuration: configuration,
            roleAssumer: STSRoleAssumer(transport: transport, endpoint: stsEndpoint, retry: retry, debugLog: debugLog))
        let sender = AWSRequestSender(transport: transport, credentials: chain, region: region, retry: retry, debugLog: debugLog)
        self.configuration = configuration
        self.region = region
        self.credentialSource = chain.source
        if let endpointOverride {
            client = AWSClient(sender: sender, endpointURL: endpointOverride)
        } else {
            client = AWSClient(sender: sender, configuration: configuration)
        }
    }

    /// Who the credentials belong to, from STS.
    public func callerIdentity() async throws -> CallerIdentity {
        let answer = try await client.call(service: "sts", operation: "GetCallerIdentity")
        guard let account = answer["Account"]?.stringValue, let arn = answer["Arn"]?.stringValue else {
            throw MalformedResponseError(operation: "sts:GetCallerIdentity", problem: "it has no Account or Arn")
        }
        return CallerIdentity(account: account, arn: arn, userID: answer["UserId"]?.stringValue ?? "")
    }
}

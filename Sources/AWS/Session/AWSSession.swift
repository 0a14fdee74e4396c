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
    /// What signs every request; a session for another account or region
    /// (`assumingRole`, `inRegion`) starts from it.
    public let credentials: any CredentialsProvider
    private let parts: Parts

    /// What a derived session shares with this one.
    private struct Parts: Sendable {
        var endpointOverride: Endpoint?
        var debugLog: DebugLog?
        var transport: any HTTPTransport
        var retry: StandardRetryStrategy
    }

    /// - Parameters:
    ///   - endpointOverride: one endpoint for every service (`--endpoint-url`,
    ///     or the sandbox), which also receives STS calls.
    public init(
        configuration: AWSConfiguration, endpointOverride: Endpoint? = nil, debugLog: DebugLog? = nil,
        transport: (any HTTPTransport)? = nil
    ) throws {
        // A missing region is told before a missing credential, as before any request.
        _ = try configuration.requireRegion()
        let transport = transport ?? CurlTransport()
        let retry = StandardRetryStrategy(maximumAttempts: configuration.maxAttempts ?? StandardRetryStrategy.defaultMaximumAttempts)
        let parts = Parts(endpointOverride: endpointOverride, debugLog: debugLog, transport: transport, retry: retry)
        let chain = try CredentialChain(configuration: configuration, roleAssumer: Self.roleAssumer(configuration, parts))
        try self.init(configuration: configuration, credentials: chain, source: chain.source, parts: parts)
    }

    private init(configuration: AWSConfiguration, credentials: any CredentialsProvider, source: CredentialSource, parts: Parts) throws {
        let region = try configuration.requireRegion()
        let sender = AWSRequestSender(
            transport: parts.transport, credentials: credentials, region: region, retry: parts.retry, debugLog: parts.debugLog)
        self.configuration = configuration
        self.region = region
        self.credentials = credentials
        self.credentialSource = source
        self.parts = parts
        if let endpointOverride = parts.endpointOverride {
            client = AWSClient(sender: sender, endpointURL: endpointOverride)
        } else {
            client = AWSClient(sender: sender, configuration: configuration)
        }
    }

    private static func roleAssumer(_ configuration: AWSConfiguration, _ parts: Parts) -> STSRoleAssumer {
        let stsEndpoint: @Sendable (String) -> Endpoint = { [configuration] region in
            parts.endpointOverride
                ?? (try? configuration.endpoint(serviceID: "STS", endpointPrefix: "sts").endpoint)
                ?? STSClient.regionalEndpoint(for: region)
        }
        return STSRoleAssumer(transport: parts.transport, endpoint: stsEndpoint, retry: parts.retry, debugLog: parts.debugLog)
    }

    /// A session in `roleARN`'s account, with keys STS gives this session's
    /// credentials for it: how an instructor reaches a learner's account.
    /// STS is called when the first request needs the keys.
    public func assumingRole(_ roleARN: String, externalID: String?, sessionName: String, region: String? = nil) throws -> AWSSession {
        var configuration = configuration
        if let region { configuration.region = region }
        let role = AssumeRoleCredentialsProvider(
            roleARN: roleARN, roleSessionName: sessionName, externalID: externalID, durationSeconds: nil,
            region: configuration.region ?? self.region, source: credentials, assumer: Self.roleAssumer(configuration, parts))
        return try AWSSession(
            configuration: configuration, credentials: RefreshingCredentialsProvider(role),
            source: .assumeRole(profile: configuration.profileName, roleARN: roleARN, source: credentialSource), parts: parts)
    }

    /// The same credentials, another region.
    public func inRegion(_ region: String) throws -> AWSSession {
        var configuration = configuration
        configuration.region = region
        return try AWSSession(configuration: configuration, credentials: credentials, source: credentialSource, parts: parts)
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

import Foundation

/// Temporary credentials for a profile's `role_arn`, obtained from STS with
/// the source profile's credentials. Wrap it in a `RefreshingCredentialsProvider`
/// so that STS is called once per session rather than once per request.
public struct AssumeRoleCredentialsProvider: CredentialsProvider {
    public let roleARN: String
    /// `nil` means a fresh `ecslab-session-<unix time>` per call, as botocore
    /// names its sessions `botocore-session-<unix time>`.
    public let roleSessionName: String?
    public let externalID: String?
    public let durationSeconds: Int?
    public let region: String
    let source: any CredentialsProvider
    let assumer: any RoleAssumer
    let now: @Sendable () -> Date

    public init(
        roleARN: String, roleSessionName: String?, externalID: String?, durationSeconds: Int?, region: String,
        source: any CredentialsProvider, assumer: any RoleAssumer, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.region = region
        self.source = source
        self.assumer = assumer
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        let sourceCredentials = try await source.credentials()
        let request = AssumeRoleRequest(
            roleARN: roleARN,
            roleSessionName: roleSessionName ?? "ecslab-session-\(Int(now().timeIntervalSince1970))",
            externalID: externalID,
            durationSeconds: durationSeconds
        )
        return try await assumer.assumeRole(request, with: sourceCredentials, region: region)
    }
}

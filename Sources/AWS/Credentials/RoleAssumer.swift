import Foundation

/// What `role_arn` and its companions in a profile ask STS for.
public struct AssumeRoleRequest: Sendable, Equatable {
    public var roleARN: String
    public var roleSessionName: String
    public var externalID: String?
    public var durationSeconds: Int?

    public init(roleARN: String, roleSessionName: String, externalID: String? = nil, durationSeconds: Int? = nil) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
    }
}

/// Calls STS AssumeRole. The credentials chain depends on this protocol
/// rather than on the HTTP client, so that profiles can be resolved and tested
/// without a network, and the client can use the chain without a cycle.
public protocol RoleAssumer: Sendable {
    func assumeRole(_ request: AssumeRoleRequest, with source: AWSCredentials, region: String) async throws -> AWSCredentials
}

/// Credentials that never change: keys from the environment or a profile.
public struct StaticCredentialsProvider: CredentialsProvider {
    public let fixed: AWSCredentials

    public init(_ credentials: AWSCredentials) {
        fixed = credentials
    }

    public func credentials() async throws -> AWSCredentials { fixed }
}

/// An Amazon Resource Name: `arn:partition:service:region:account:resource`.
public struct ARN: Sendable, Equatable {
    public var service: String
    public var account: String
    /// Everything after the account: `vpc/vpc-0a1b`, `role/path/name`, `task/cluster/id`.
    public var resource: String

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        service = String(parts[2])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// The last part of the resource: a resource id (`vpc-0a1b`), a user or
    /// role name, or an assumed role's session name.
    public var lastName: String {
        resource.split(separator: "/").last.map(String.init) ?? resource
    }
}

/// The one rule for which operations only read: everything named
/// Describe*, List* or Get*, plus a short list of reads with other names.
/// A grader calls nothing else, the tutor's `call` runs these without
/// asking, and selftest counts everything else as a change.
public enum ReadOperation {
    public static func isRead(service: String, operation: String) -> Bool {
        if otherReads.contains(Key(service: service, operation: operation)) { return true }
        return ["Describe", "List", "Get"].contains { operation.hasPrefix($0) }
    }

    /// Reads a check may make: not those that hand out credentials or
    /// tokens, which a grader has no business holding.
    public static func isCheckable(service: String, operation: String) -> Bool {
        isRead(service: service, operation: operation) && !secretReads.contains(Key(service: service, operation: operation))
    }

    private struct Key: Hashable {
        var service: String
        var operation: String
    }

    private static let otherReads: Set<Key> = [
        Key(service: "ecr", operation: "BatchGetImage"),
        Key(service: "ecr", operation: "BatchCheckLayerAvailability"),
        Key(service: "logs", operation: "FilterLogEvents"),
        Key(service: "iam", operation: "SimulatePrincipalPolicy"),
        Key(service: "cloudformation", operation: "ValidateTemplate"),
    ]

    private static let secretReads: Set<Key> = [
        Key(service: "ecr", operation: "GetAuthorizationToken"),
        Key(service: "sts", operation: "GetSessionToken"),
        Key(service: "sts", operation: "GetFederationToken"),
        Key(service: "iam", operation: "GetCredentialReport"),
        Key(service: "ssm", operation: "GetParametersByPath"),
    ]
}

/// An AWS operation named the way the API names it: `ec2:DescribeSubnets`.
public struct OperationName: Sendable, Hashable, CustomStringConvertible {
    public var service: String
    public var operation: String

    public init(service: String, operation: String) {
        self.service = service
        self.operation = operation
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let first = parts[1].first, first.isUppercase,
            parts[0].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }),
            parts[1].allSatisfy({ $0.isLetter || $0.isNumber })
        else { return nil }
        service = String(parts[0])
        operation = String(parts[1])
    }

    public var description: String { "\(service):\(operation)" }

    /// Operations a check may call: they only read. Everything named
    /// Describe*, List* or Get*, except those that hand out secrets, plus a
    /// short list of reads with other names.
    public var isRead: Bool {
        if OperationName.secretReads.contains(self) { return false }
        if OperationName.otherReads.contains(self) { return true }
        return ["Describe", "List", "Get"].contains { operation.hasPrefix($0) }
    }

    static let otherReads: Set<OperationName> = [
        OperationName(service: "ecr", operation: "BatchGetImage"),
        OperationName(service: "ecr", operation: "BatchCheckLayerAvailability"),
        OperationName(service: "logs", operation: "FilterLogEvents"),
        OperationName(service: "iam", operation: "SimulatePrincipalPolicy"),
        OperationName(service: "cloudformation", operation: "ValidateTemplate"),
    ]

    /// Reads that return credentials or tokens: a grader has no business
    /// holding them, so checks may not call these.
    static let secretReads: Set<OperationName> = [
        OperationName(service: "ecr", operation: "GetAuthorizationToken"),
        OperationName(service: "sts", operation: "GetSessionToken"),
        OperationName(service: "sts", operation: "GetFederationToken"),
        OperationName(service: "iam", operation: "GetCredentialReport"),
        OperationName(service: "ssm", operation: "GetParametersByPath"),
    ]
}

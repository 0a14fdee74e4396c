import AWS

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

    /// Whether it only reads (`ReadOperation`'s rule).
    public var isRead: Bool { ReadOperation.isRead(service: service, operation: operation) }

    /// Whether a check may call it: a read that hands out no secrets.
    public var isCheckable: Bool { ReadOperation.isCheckable(service: service, operation: operation) }
}

import JSON

/// An account that makes only the calls a grader policy allows and refuses
/// the rest before anything is sent: what makes the printed grader policy
/// enough by construction, whatever a check file asks for.
public struct PolicyBoundAccount: WrappingAccount {
    public let inner: any AccountAPI
    public let policy: GraderPolicy

    public init(_ base: any AccountAPI, policy: GraderPolicy) {
        self.inner = base
        self.policy = policy
    }

    public struct Refused: Error, Sendable, Equatable, CustomStringConvertible {
        public var operation: String
        public var description: String { "\(operation) is not in the grader policy, so the grader does not call it" }
    }

    /// What a check that asked for `operation` is told.
    static func refusal(_ operation: OperationName) -> LocalizedText {
        LocalizedText(
            zh: "评分策略里没有 \(operation)，评分程序不调用它（用 ecslab grader-policy 重新生成策略）",
            en: "\(operation) is not in the grader policy, so the grader does not call it (regenerate it with ecslab grader-policy)")
    }


    private func allow(_ operation: OperationName) throws(Refused) {
        // Only reads, even were a policy built by hand to allow more.
        guard operation.isRead, policy.allows(operation) else { throw Refused(operation: operation.description) }
    }

    public func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        try allow(operation)
        return try await inner.call(operation, input: input)
    }

    public func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try allow(operation)
        return try await inner.paginate(operation, input: input)
    }

    public func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        // Checks never wait on a waiter; a grader has no reason to.
        throw Refused(operation: "\(service) waiter \(waiter)")
    }

}

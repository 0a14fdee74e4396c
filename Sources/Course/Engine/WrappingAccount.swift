import JSON

/// An account that wraps another and changes only some of what it does
/// (paces its calls, records them, refuses some): everything else is the
/// inner account's, from here, so each wrapper says only what it changes.
public protocol WrappingAccount: AccountAPI {
    var inner: any AccountAPI { get }
}

extension WrappingAccount {
    public var account: String { inner.account }
    public var region: String { inner.region }

    public func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await inner.call(operation, input: input)
    }

    public func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await inner.paginate(operation, input: input)
    }

    public func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        try await inner.wait(service: service, waiter: waiter, input: input, progress: progress)
    }

    public func cliCommand(_ operation: OperationName, input: JSON) -> String { inner.cliCommand(operation, input: input) }
    public func tagParameter(of operation: OperationName) -> TagParameter? { inner.tagParameter(of: operation) }
    public func idempotencyTokenMember(of operation: OperationName) -> String? { inner.idempotencyTokenMember(of: operation) }
    public func errorCode(of error: any Error) -> String? { inner.errorCode(of: error) }
    public func validate(_ operation: OperationName, input: JSON?) throws { try inner.validate(operation, input: input) }
}

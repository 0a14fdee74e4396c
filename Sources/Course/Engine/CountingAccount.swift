import JSON
import Synchronization

/// Wraps an account and counts the calls made through it, reads apart from
/// the rest: selftest's proof that a second `do` changes nothing, and its
/// API-call figures.
public final class CountingAccount: AccountAPI, Sendable {
    public let base: any AccountAPI
    private let counts = Mutex<(reads: Int, changes: Int, changed: [String])>((0, 0, []))

    public init(_ base: any AccountAPI) {
        self.base = base
    }

    public var account: String { base.account }
    public var region: String { base.region }

    /// Calls so far: reads, and calls that may change something (with their names).
    public var reads: Int { counts.withLock { $0.reads } }
    public var changes: Int { counts.withLock { $0.changes } }
    public var changedOperations: [String] { counts.withLock { $0.changed } }
    public var total: Int { counts.withLock { $0.reads + $0.changes } }

    private func count(_ operation: OperationName) {
        counts.withLock { counts in
            if operation.isRead {
                counts.reads += 1
            } else {
                counts.changes += 1
                counts.changed.append(operation.description)
            }
        }
    }

    public func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        count(operation)
        return try await base.call(operation, input: input)
    }

    public func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        count(operation)
        return try await base.paginate(operation, input: input)
    }

    public func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        // Every poll of the waiter is one read call.
        try await base.wait(service: service, waiter: waiter, input: input) { attempt in
            self.counts.withLock { $0.reads += 1 }
            progress(attempt)
        }
    }

    public func cliCommand(_ operation: OperationName, input: JSON) -> String { base.cliCommand(operation, input: input) }
    public func tagParameter(of operation: OperationName) -> TagParameter? { base.tagParameter(of: operation) }
    public func idempotencyTokenMember(of operation: OperationName) -> String? { base.idempotencyTokenMember(of: operation) }
    public func errorCode(of error: any Error) -> String? { base.errorCode(of: error) }
}

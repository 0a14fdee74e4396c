import Synchronization

/// What the attempts of one changing call came to, for a caller that must
/// know whether AWS may have carried out an attempt whose answer was lost.
///
/// A create that is not idempotent (`CreateVpc`, `CreateRole`) cannot be
/// retried blindly: if AWS made the VPC and only the answer broke, a retry
/// makes a second VPC or is refused as "already exists". A caller that can
/// look for what the attempt made sets `retriesUnknownOutcomes` to false
/// around the call (`AttemptRecord.$current.withValue`): such an attempt is
/// then not retried, and the caller looks before it calls again.
public final class AttemptRecord: Sendable {
    /// The record of the call being made in this task, if its caller keeps one.
    @TaskLocal public static var current: AttemptRecord?

    public let retriesUnknownOutcomes: Bool
    private let unknown = Mutex(0)

    public init(retriesUnknownOutcomes: Bool) {
        self.retriesUnknownOutcomes = retriesUnknownOutcomes
    }

    /// How many attempts failed without saying whether AWS carried them out.
    public var unknownOutcomes: Int { unknown.withLock { $0 } }

    func noteUnknownOutcome() {
        unknown.withLock { $0 += 1 }
    }
}

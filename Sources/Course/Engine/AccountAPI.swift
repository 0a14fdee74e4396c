import JSON

/// What the course engine needs from AWS, in the API's own terms. The
/// model-driven client provides it for real accounts and the sandbox; tests
/// provide a scripted one.
public protocol AccountAPI: Sendable {
    /// The account id and region every call goes to.
    var account: String { get }
    var region: String { get }

    func call(_ operation: OperationName, input: JSON) async throws -> JSON
    /// Every page of a paginated read, merged as one response.
    func paginate(_ operation: OperationName, input: JSON) async throws -> JSON
    /// Runs a waiter from the service model until success, failure or timeout.
    func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws
    /// The `aws` CLI command that makes the same call.
    func cliCommand(_ operation: OperationName, input: JSON) -> String
    /// Where the create call `operation` takes tags, from the service model.
    func tagParameter(of operation: OperationName) -> TagParameter?
    /// The input member that carries an idempotency token (`ClientToken`),
    /// so the ledger can record it and a crashed create can be repeated safely.
    func idempotencyTokenMember(of operation: OperationName) -> String?
    /// The AWS error code of `error`, when it is an answer from AWS.
    func errorCode(of error: any Error) -> String?
    /// Throws when `operation` does not exist or, given, `input` does not fit it.
    func validate(_ operation: OperationName, input: JSON?) throws
}

extension AccountAPI {
    /// Scripted accounts take whatever they are given.
    public func validate(_ operation: OperationName, input: JSON?) throws {}
}

/// A waiter's progress, for a spinner.
public struct WaitProgress: Sendable, Equatable {
    public var awaited: String
    public var attempt: Int
    public var maxAttempts: Int
    public var elapsedSeconds: Double

    public init(awaited: String, attempt: Int, maxAttempts: Int, elapsedSeconds: Double) {
        self.awaited = awaited
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.elapsedSeconds = elapsedSeconds
    }
}

/// How a create call carries tags, by the shape of its input.
public enum TagParameter: Sendable, Equatable {
    /// A list of `{Key, Value}` structures under `member` (IAM, ELBv2, SSM),
    /// or `{key, value}` (ECS), with the field names as the model spells them.
    case list(member: String, keyName: String, valueName: String)
    /// A string map under `member` (CloudWatch Logs `tags`).
    case map(member: String)
    /// ec2's `TagSpecifications`, which also need the resource type.
    case specifications(member: String)
}

/// A success response that does not say what its operation promises, e.g. an
/// STS answer without credentials: a broken proxy, or a service we do not
/// understand. Its description is one sentence.
public struct MalformedResponseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `sts:AssumeRole`, as IAM names actions.
    public var operation: String
    public var problem: String

    public init(operation: String, problem: String) {
        self.operation = operation
        self.problem = problem
    }

    public var description: String {
        "The response to \(operation) could not be read: \(problem)."
    }
}

/// The state folder, or a folder inside it, could not be made: ecslab
/// cannot keep a ledger or progress, so it does nothing in AWS.
public struct StateFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let problem: StateFileProblem

    public init(path: String, problem: StateFileProblem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        "Cannot create the state folder \(path): \(problem.reason); \(problem.advice)."
    }
}

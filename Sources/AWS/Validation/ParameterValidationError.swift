/// Parameters that do not fit the operation's input shape, found before
/// anything is sent. Its description has one line per problem, each naming
/// the operation and the parameter path.
public struct ParameterValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `service:Operation`, e.g. `ec2:DescribeSubnets`.
    public var operation: String
    public var problems: [ValidationProblem]

    public init(operation: String, problems: [ValidationProblem]) {
        self.operation = operation
        self.problems = problems
    }

    public var lines: [String] {
        problems.map { problem in
            problem.path.isEmpty ? "\(operation): \(problem.message)" : "\(operation): \(problem.path): \(problem.message)"
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}

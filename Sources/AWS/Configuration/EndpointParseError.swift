/// Why a string is not an endpoint URL, as part of a sentence.
public struct EndpointParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problem: String

    public init(problem: String) {
        self.problem = problem
    }

    public var description: String { "Invalid endpoint URL: \(problem)." }
}

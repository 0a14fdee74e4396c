/// One thing wrong with one parameter.
public struct ValidationProblem: Sendable, Equatable {
    /// Where the problem is, e.g. `Filters[0].Name`; empty for the input as a whole.
    public var path: String
    /// What was expected, e.g. `unknown parameter; did you mean Name?`.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

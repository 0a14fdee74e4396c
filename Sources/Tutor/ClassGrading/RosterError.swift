/// Why a roster cannot be graded from: the file, the line when one is to
/// blame, and what is wrong, as one line in the shape compilers use so an
/// editor can jump to it.
///
/// English only, like `InputFileError`: it speaks to the instructor about a
/// file they wrote, not to a learner, and the tutor's other input-file
/// errors are not translated either.
public struct RosterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// From 1; nil when the whole file is to blame (it cannot be read, it is empty).
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `roster.csv:4: problem`, or `roster.csv: problem` with no line.
    public var description: String {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }
}

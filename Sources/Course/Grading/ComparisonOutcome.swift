/// The result of one comparison: whether it held, and what was expected
/// and found, ready for the failure message's `{expected}` and `{actual}`.
public struct ComparisonOutcome: Sendable, Equatable {
    public var passed: Bool
    public var expected: LocalizedText
    public var actual: String

    public init(passed: Bool, expected: LocalizedText, actual: String) {
        self.passed = passed
        self.expected = expected
        self.actual = actual
    }
}

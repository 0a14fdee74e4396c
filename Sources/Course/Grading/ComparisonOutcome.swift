/// The result of one comparison: whether it held, and what was expected
/// and found, ready for the failure message's `{expected}` and `{actual}`.
public struct ComparisonOutcome: Sendable, Equatable {
    public var passed: Bool
    public var expected: LocalizedText
    public var actual: LocalizedText

    public init(passed: Bool, expected: LocalizedText, actual: LocalizedText) {
        self.passed = passed
        self.expected = expected
        self.actual = actual
    }

    /// What was found, the same in both languages (a value, not a sentence).
    public init(passed: Bool, expected: LocalizedText, actual: String) {
        self.init(passed: passed, expected: expected, actual: LocalizedText(zh: actual, en: actual))
    }
}

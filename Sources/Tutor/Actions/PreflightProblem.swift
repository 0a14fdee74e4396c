import Course

/// One thing preflight found wrong, with how to fix it: shown as one line.
public struct PreflightProblem: Sendable, Equatable {
    public var problem: LocalizedText
    public var fix: LocalizedText
    /// Whether the tutor cannot start without it fixed.
    public var blocking: Bool

    public init(problem: LocalizedText, fix: LocalizedText, blocking: Bool) {
        self.problem = problem
        self.fix = fix
        self.blocking = blocking
    }

    public func line(_ language: Language) -> String {
        "✗ \(problem[language]) → \(fix[language])"
    }
}

extension PreflightProblem {
    /// A problem that does not stop the tutor, in the tutor's own words.
    init(_ problem: TutorText, fix: TutorText) {
        self.init(problem: problem.text, fix: fix.text, blocking: false)
    }
}

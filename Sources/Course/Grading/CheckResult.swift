/// The outcome of one check in one run.
public struct CheckResult: Sendable {
    public enum Status: String, Sendable {
        case passed, failed, skipped
        /// The check could not be evaluated: AWS refused, a value was missing.
        case error
        /// A tool it needs (a Docker engine) is not on this machine: it
        /// counts neither for nor against.
        case notApplicable = "not-applicable"
    }

    public var check: Check
    public var status: Status
    public var assertions: [AssertionResult]
    /// Why a check was skipped or could not run, in both languages.
    public var reason: LocalizedText?
    public var pointsEarned: Double
    public var durationSeconds: Double

    public init(
        check: Check, status: Status, assertions: [AssertionResult] = [], reason: LocalizedText? = nil,
        pointsEarned: Double = 0, durationSeconds: Double = 0
    ) {
        self.check = check
        self.status = status
        self.assertions = assertions
        self.reason = reason
        self.pointsEarned = pointsEarned
        self.durationSeconds = durationSeconds
    }

    public var pointsPossible: Int { status == .notApplicable ? 0 : check.points }

    /// The check's failure message with the first failing assertion's
    /// expected and found values filled in, or what a lookup did not find.
    public var failureMessage: LocalizedText? {
        guard status == .failed else { return nil }
        // A lookup that found nothing fails the check before any assertion.
        guard let failing = assertions.first(where: { !$0.passed }) else { return reason }
        if let error = failing.error { return error }
        guard let outcome = failing.outcome else { return nil }
        let message = LocalizedText(
            zh: LocalizedText.fill(check.failure.zh, ["expected": outcome.expected.zh, "actual": outcome.actual.zh]),
            en: LocalizedText.fill(check.failure.en, ["expected": outcome.expected.en, "actual": outcome.actual.en]))
        // The label says which part is wrong ("Port 443 is open to all") where
        // the values alone may not.
        guard let label = failing.assertion.label else { return message }
        return LocalizedText(zh: "\(message.zh)（\(label.zh)）", en: "\(message.en) (\(label.en))")
    }
}

/// The outcome of one assertion.
public struct AssertionResult: Sendable {
    public var assertion: Assertion
    public var outcome: ComparisonOutcome?
    /// Why the expression could not be evaluated.
    public var error: LocalizedText?

    public init(assertion: Assertion, outcome: ComparisonOutcome? = nil, error: LocalizedText? = nil) {
        self.assertion = assertion
        self.outcome = outcome
        self.error = error
    }

    public var passed: Bool { outcome?.passed ?? false }
}

/// One step of a lesson: something to do (with the calls the tutor can make
/// for the learner) or a quiz question.
public struct Step: Sendable {
    public enum Kind: Sendable {
        case task(calls: [StepCall])
        case quiz(Quiz)
        /// Deletes, at once, what earlier steps of the lesson created, once
        /// their checks pass: the EC2 cluster that was only built to be seen.
        case teardown(steps: [String])
        /// Done on the learner's machine: the app laid out or started.
        case local(LocalAction)
    }

    public var id: String
    public var title: LocalizedText
    public var explanation: LocalizedText
    /// How it is done by hand in the AWS console, as the course shows it.
    public var console: LocalizedText?
    public var kind: Kind
    /// The checks that prove this step is done.
    public var checks: [String]
    /// Tools this step needs on the learner's machine (`docker`, `node`);
    /// without them it is skipped, not failed.
    public var needs: [String] = []
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, explanation: LocalizedText, console: LocalizedText? = nil,
        kind: Kind, checks: [String] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.explanation = explanation
        self.console = console
        self.kind = kind
        self.checks = checks
        self.location = location
    }

    public var calls: [StepCall] {
        if case .task(let calls) = kind { return calls }
        return []
    }

    public var quiz: Quiz? {
        if case .quiz(let quiz) = kind { return quiz }
        return nil
    }

    /// A step that is only read: nothing to make and nothing to check. It is
    /// done once the learner has read it and moved on.
    public var isReading: Bool {
        if case .task(let calls) = kind { return calls.isEmpty && checks.isEmpty }
        return false
    }

    /// The earlier steps whose resources this step deletes.
    public var tearsDown: [String] {
        if case .teardown(let steps) = kind { return steps }
        return []
    }
}

/// A multiple-choice question, graded like a check.
public struct Quiz: Sendable {
    public var question: LocalizedText
    public var choices: [LocalizedText]
    /// Index into `choices`, from 0.
    public var answer: Int
    public var explanation: LocalizedText
    public var points: Int

    public init(question: LocalizedText, choices: [LocalizedText], answer: Int, explanation: LocalizedText, points: Int = 1) {
        self.question = question
        self.choices = choices
        self.answer = answer
        self.explanation = explanation
        self.points = points
    }
}

/// Every lesson and check found in a course folder, in lesson order.
public struct CourseContent: Sendable {
    public var lessons: [Lesson]
    public var checks: [Check]

    public init(lessons: [Lesson] = [], checks: [Check] = []) {
        self.lessons = lessons.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.checks = checks
    }

    public func lesson(_ id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    public func check(_ id: String) -> Check? {
        checks.first { $0.id == id }
    }

    public func checks(of lesson: String) -> [Check] {
        checks.filter { $0.lesson == lesson }
    }

    /// What grades a lesson: its checks, and one check per quiz step that
    /// passes when the recorded answer is the right one.
    public func gradedChecks(of lesson: String) -> [Check] {
        guard let found = self.lesson(lesson) else { return [] }
        return checks(of: lesson) + found.steps.compactMap { step in step.quiz.map { Self.quizCheck(step, $0, lesson: found) } }
    }

    static func quizCheck(_ step: Step, _ quiz: Quiz, lesson: Lesson) -> Check {
        Check(
            id: "quiz-\(step.id)", lesson: lesson.id, title: step.title, points: quiz.points,
            source: .quiz(lesson: lesson.id, step: step.id),
            assertions: [
                Assertion(expression: "answered", comparison: .equals(Template.constant(true)), location: step.location),
                Assertion(expression: "correct", comparison: .equals(Template.constant(true)), location: step.location),
            ],
            // Neither the hint nor the message gives the answer away.
            hints: [LocalizedText(zh: "回到前面的讲解步骤再读一遍，然后再答。", en: "Read the explanation steps before it again, then answer.")],
            docs: "",
            failure: LocalizedText(zh: "这道题还没有答对。", en: "This question is not answered correctly yet."),
            location: step.location)
    }
}

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
        let answer = quiz.choices.indices.contains(quiz.answer) ? quiz.choices[quiz.answer] : .missing
        return Check(
            id: "quiz-\(step.id)", lesson: lesson.id, title: step.title, points: quiz.points,
            source: .quiz(lesson: lesson.id, step: step.id),
            assertions: [
                Assertion(expression: "answered", comparison: .equals(Template.constant(true)), location: step.location),
                Assertion(expression: "answer", comparison: .equals(Template.constant(.integer(quiz.answer + 1))), location: step.location),
            ],
            hints: [quiz.explanation], docs: "",
            failure: LocalizedText(zh: "正确答案是：\(answer.zh)", en: "The right answer is: \(answer.en)"),
            location: step.location)
    }
}

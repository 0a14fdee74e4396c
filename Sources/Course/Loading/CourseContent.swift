/// Every lesson and check found in a course folder, in lesson order.
public struct CourseContent: Sendable {
    public var lessons: [Lesson]
    public var checks: [Check]
    /// What costs are priced with; empty for a course folder without `prices.yaml`.
    public var prices: PriceList
    /// The region the lessons' costs are priced for now.
    public private(set) var pricedRegion: String?
    /// Lesson files that did not load, by the id their folder gives
    /// (`03-iam-roles` is `iam-roles`), each with its first error.
    public var unloadedLessons: [String: Diagnostic] = [:]

    public init(lessons: [Lesson] = [], checks: [Check] = [], prices: PriceList = .empty) {
        self.lessons = lessons.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.checks = checks
        self.prices = prices
    }

    /// The same course with every cost given by price items worked out for
    /// `region`: what the tutor shows, asks about and writes in the ledger.
    public func priced(in region: String) -> CourseContent {
        var copy = self
        copy.pricedRegion = region
        for lessonIndex in copy.lessons.indices {
            if let items = copy.lessons[lessonIndex].cost?.priceItems, !items.isEmpty {
                copy.lessons[lessonIndex].cost?.usdPerHour = prices.usdPerHour(items, region: region) ?? 0
            }
            for stepIndex in copy.lessons[lessonIndex].steps.indices {
                guard case .task(var calls) = copy.lessons[lessonIndex].steps[stepIndex].kind else { continue }
                for index in calls.indices where !calls[index].priceItems.isEmpty {
                    calls[index].cost = .hourly(usd: prices.usdPerHour(calls[index].priceItems, region: region) ?? 0)
                }
                copy.lessons[lessonIndex].steps[stepIndex].kind = .task(calls: calls)
            }
        }
        return copy
    }

    public func lesson(_ id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// Why the lesson `id` is not in the course, when its file is there but did not load.
    public func loadProblem(ofLesson id: String) -> Diagnostic? {
        lesson(id) == nil ? unloadedLessons[id] : nil
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

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
}

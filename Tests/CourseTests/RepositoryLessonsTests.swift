import Course
import TestSupport
import XCTest

/// The course that ships in the repository's own `lessons/` and `checks/`
/// folders loads and lints cleanly against the compiled-in service models.
final class RepositoryLessonsTests: XCTestCase {
    private static func loadRepository() -> (content: CourseContent, diagnostics: [String]) {
        let result = CourseLoader(root: TestEnvironment.projectRoot).load()
        let lint = CourseLinter(catalog: ModelCatalog()).lint(result.content)
        return (result.content, (result.diagnostics + lint).map(\.description))
    }

    func testRepositoryCourseHasNoDiagnostics() {
        let diagnostics = Self.loadRepository().diagnostics
        XCTAssertEqual(diagnostics, [], "lint found problems:\n" + diagnostics.joined(separator: "\n"))
    }

    func testConceptLessonsExistWithGradedQuizzes() throws {
        let content = Self.loadRepository().content
        for (id, order) in [("shipping", 1), ("ecs-anatomy", 2)] {
            let lesson = try XCTUnwrap(content.lesson(id), "lesson '\(id)' is missing from lessons/")
            XCTAssertEqual(lesson.order, order, "order of '\(id)'")
            let quizzes = lesson.steps.compactMap(\.quiz)
            XCTAssertGreaterThanOrEqual(quizzes.count, 4, "quiz steps in '\(id)'")
            for (index, quiz) in quizzes.enumerated() {
                XCTAssertTrue((3...4).contains(quiz.choices.count), "quiz \(index + 1) of '\(id)' has \(quiz.choices.count) choices")
                XCTAssertGreaterThanOrEqual(quiz.points, 1, "points of quiz \(index + 1) of '\(id)'")
            }
            // A concept lesson creates nothing: no calls, no cost, no checks.
            XCTAssertNil(lesson.cost, "cost of '\(id)'")
            XCTAssertEqual(lesson.steps.flatMap(\.calls).count, 0, "calls in '\(id)'")
            XCTAssertEqual(content.checks(of: id).count, 0, "checks of '\(id)'")
            let explanations = lesson.steps.filter { $0.quiz == nil }
            XCTAssertGreaterThanOrEqual(explanations.count, 2, "explanation steps in '\(id)'")
        }
    }
}

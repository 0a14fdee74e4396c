import Foundation
import TestSupport
import XCTest

/// The feature course of the course tests, or a copy of it with one line
/// changed, for a test that needs a lesson to say something else.
enum FeatureCourse {
    static let folder = TestEnvironment.projectRoot.appendingPathComponent("Tests/CourseTests/Fixtures/feature")

    static func copy(replacing original: String, with replacement: String) throws -> String {
        let copy = try TestEnvironment.temporaryFolder("ecslab-course")
        try FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: folder, to: copy)
        let lesson = copy.appendingPathComponent("lessons/00-feature/lesson.yaml")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        XCTAssertTrue(text.contains(original), "the feature lesson no longer says \(original)")
        try text.replacingOccurrences(of: original, with: replacement).write(to: lesson, atomically: true, encoding: .utf8)
        return copy.path
    }
}

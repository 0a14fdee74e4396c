import Foundation
import TestSupport

/// The lessons the rate test takes through faults. In CI one lesson,
/// `clusters` with the two it builds on: in six seconds on moto it makes
/// about 280 calls of every protocol the course uses (EC2, awsQuery for
/// IAM, STS and Auto Scaling, JSON 1.1 for ECS, SSM and the tagging API,
/// rest-json for the timer's EventBridge Scheduler). By hand,
/// `ECSLAB_TEST_FAULT_LESSONS=all` (or a comma-separated list of lesson
/// ids) takes every lesson of the course instead, in order.
struct FaultedLessons: Sendable {
    var ids: [String]
    /// The whole course, or a list: lessons that cannot finish on plain
    /// moto (no Docker, no ECS agent) are then held to what they do without
    /// faults, not to full marks.
    var byHand: Bool

    static let variable = "ECSLAB_TEST_FAULT_LESSONS"

    static func fromEnvironment() throws -> FaultedLessons {
        let asked = (ProcessInfo.processInfo.environment[variable] ?? "").trimmingCharacters(in: .whitespaces)
        if asked.isEmpty { return FaultedLessons(ids: ["clusters"], byHand: false) }
        let course = try courseLessons()
        if asked == "all" { return FaultedLessons(ids: course, byHand: true) }
        let ids = asked.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let unknown = ids.first(where: { !course.contains($0) }) {
            throw CleanupFailure("\(variable) names \(unknown), which is not one of the course's lessons: \(course.joined(separator: ", "))")
        }
        return FaultedLessons(ids: ids, byHand: true)
    }

    /// The lesson ids in course order, from the folders `NN-id` under lessons/.
    static func courseLessons() throws -> [String] {
        let folder = TestEnvironment.projectRoot.appendingPathComponent("lessons")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            guard let dash = name.firstIndex(of: "-"), Int(name[..<dash]) != nil else { return nil }
            return String(name[name.index(after: dash)...])
        }
    }

    /// `do` with the lessons it builds on, which a lesson done before makes a no-op.
    static func doArguments(_ lesson: String) -> [String] {
        ["do", lesson, "--yes", "--with-requirements"]
    }
}

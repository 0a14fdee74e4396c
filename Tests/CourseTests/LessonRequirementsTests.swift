@testable import Course
import JSON
import XCTest

final class LessonRequirementsTests: XCTestCase {
    func testALessonNeedsTheLessonsWhoseSavedValuesItUses() throws {
        let later = """
            id: later
            order: 5
            title: {zh: 后, en: Later}
            summary: {zh: 后, en: Later}
            requires: [net]
            steps:
              - id: use
                title: {zh: 用, en: Use}
                explain: {zh: 用, en: Use}
                calls:
                  - call: ec2:CreateSubnet
                    params: {VpcId: "${net.vpc_id}", CidrBlock: 10.0.9.0/24}
                    tags: {resource-type: subnet}
                    save: {subnet_id: Subnet.SubnetId}
                    undo: {call: ec2:DeleteSubnet, params: {SubnetId: "${subnet_id}"}}
            """
        let folder = try SampleCourse.folder(extra: ["lessons/05-later/lesson.yaml": later])
        defer { folder.remove() }
        let (content, diagnostics) = folder.load()
        XCTAssertEqual(diagnostics, [])
        let lesson = try XCTUnwrap(content.lesson("later"))
        var progress = LearnerProgress()
        let missing = LessonRequirements.missing(for: lesson, in: content, progress: progress)
        XCTAssertEqual(missing.map(\.lesson.id), ["net"])
        XCTAssertEqual(missing.first?.values, ["vpc_id"])
        progress.save("vpc-1", as: "vpc_id", lesson: "net")
        XCTAssertTrue(LessonRequirements.missing(for: lesson, in: content, progress: progress).isEmpty)
    }
}

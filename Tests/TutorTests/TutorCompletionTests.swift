import Terminal
import Tutor
import XCTest

/// Tab at the tutor's prompt, on plain strings.
final class TutorCompletionTests: XCTestCase {
    private let source = TutorCompletion(
        lessons: ["feature", "network", "shipping"], steps: ["feature": ["vpc", "subnet", "address"]], currentLesson: "feature",
        services: ["ec2", "ecr", "ecs", "iam"],
        operations: { service in service == "ecs" ? ["CreateCluster", "DescribeClusters", "DescribeServices"] : [] }
    ).source

    private func complete(_ line: String) -> Completer.Completion {
        Completer(source: source).complete(Substring(line))
    }

    func testCompletesACommandUniquely() {
        XCTAssertEqual(complete("star"), .init(insertion: "t ", candidates: []))
        XCTAssertEqual(complete("sta"), .init(insertion: "", candidates: ["start", "status"]))
    }

    func testListsCommandsThatShareAPrefix() {
        XCTAssertEqual(complete("s"), .init(insertion: "", candidates: ["script", "set", "show", "start", "status"]))
    }

    func testCompletesWhatToDraw() {
        XCTAssertEqual(complete("draw n"), .init(insertion: "etwork ", candidates: []))
        XCTAssertEqual(complete("draw "), .init(insertion: "", candidates: ["cluster", "network"]))
    }

    func testExtendsToTheCommonPrefix() {
        XCTAssertEqual(complete("call e"), .init(insertion: "c", candidates: []))
    }

    func testCompletesLessonIdsAfterStart() {
        XCTAssertEqual(complete("start n"), .init(insertion: "etwork ", candidates: []))
        XCTAssertEqual(complete("start "), .init(insertion: "", candidates: ["feature", "network", "shipping"]))
    }

    func testCompletesStepsOfTheCurrentLesson() {
        XCTAssertEqual(complete("do su"), .init(insertion: "bnet ", candidates: []))
        XCTAssertEqual(complete("show a"), .init(insertion: "ddress ", candidates: []))
    }

    func testCompletesOperationsOfAService() {
        XCTAssertEqual(complete("call ecs Desc"), .init(insertion: "ribe", candidates: []))
        XCTAssertEqual(complete("call ecs Describe"), .init(insertion: "", candidates: ["DescribeClusters", "DescribeServices"]))
        XCTAssertEqual(complete("call ecs Cr"), .init(insertion: "eateCluster ", candidates: []))
    }

    func testCheckOffersAllAndLessons() {
        XCTAssertEqual(complete("check "), .init(insertion: "", candidates: ["all", "feature", "network", "shipping"]))
    }

    func testNothingAfterAnUnknownCommand() {
        XCTAssertEqual(complete("frobnicate x"), .init(insertion: "", candidates: []))
    }
}

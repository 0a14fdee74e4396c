@testable import Course
import JMESPath
import JSON
import XCTest

final class ComparisonEvaluatorTests: XCTestCase {
    let evaluator = ComparisonEvaluator(
        evaluate: { expression, document in try JMESPathExpression(expression).evaluate(document) },
        resolve: { template in try template.resolve { reference in reference.name == "cidr" ? "10.0.0.0/16" : nil } })

    func check(_ comparison: Comparison, _ actual: JSON) throws -> ComparisonOutcome {
        try evaluator.compare(comparison, actual: actual)
    }

    func t(_ json: JSON) throws -> Template { try Template(json) }

    func testEquals() throws {
        XCTAssertEqual(try check(.equals(t(true)), true), ComparisonOutcome(passed: true, expected: LocalizedText(zh: "等于 true", en: "equal to true"), actual: "true"))
        XCTAssertEqual(try check(.equals(t(1)), 1.0).passed, true)
        XCTAssertEqual(try check(.equals(t("a")), nil), ComparisonOutcome(
                passed: false, expected: LocalizedText(zh: "等于 a", en: "equal to a"), actual: LocalizedText(zh: "没有", en: "nothing")))
    }

    func testNotEquals() throws {
        XCTAssertTrue(try check(.notEquals(t("default")), "course").passed)
        XCTAssertFalse(try check(.notEquals(t("default")), "default").passed)
    }

    func testMatchesWholeString() throws {
        XCTAssertTrue(try check(.matches("vpc-[0-9a-f]+"), "vpc-0a1b").passed)
        XCTAssertFalse(try check(.matches("vpc-[0-9a-f]+"), "xvpc-0a1b").passed)
        XCTAssertFalse(try check(.matches("vpc-.*"), 12).passed)
    }

    func testContains() throws {
        XCTAssertTrue(try check(.contains(t("b")), ["a", "b"]).passed)
        XCTAssertTrue(try check(.contains(t("node")), "FROM node:20").passed)
        XCTAssertFalse(try check(.contains(t("c")), ["a", "b"]).passed)
    }

    func testIn() throws {
        XCTAssertTrue(try check(.isIn(t(["RUNNING", "PENDING"])), "RUNNING").passed)
        XCTAssertEqual(
            try check(.isIn(t(["RUNNING"])), "STOPPED"),
            ComparisonOutcome(passed: false, expected: LocalizedText(zh: "RUNNING 之一", en: "one of RUNNING"), actual: "STOPPED"))
    }

    func testAtLeastAndAtMost() throws {
        XCTAssertTrue(try check(.atLeast(t(2)), 2).passed)
        XCTAssertFalse(try check(.atLeast(t(2)), 1).passed)
        XCTAssertTrue(try check(.atMost(t(30)), 30.0).passed)
        XCTAssertFalse(try check(.atMost(t(30)), 31).passed)
        XCTAssertFalse(try check(.atLeast(t(2)), "3").passed, "a string is not a number")
    }

    func testLength() throws {
        XCTAssertEqual(
            try check(.length(t(2)), ["a"]),
            ComparisonOutcome(passed: false, expected: LocalizedText(zh: "2 个元素", en: "2 elements"), actual: LocalizedText(zh: "1（a）", en: "1 (a)")))
        XCTAssertTrue(try check(.length(t(2)), ["a", "b"]).passed)
        XCTAssertFalse(try check(.length(t(0)), nil).passed)
    }

    func testDistinctCount() throws {
        XCTAssertTrue(try check(.distinctCount(t(2)), ["ap-northeast-1a", "ap-northeast-1c"]).passed)
        XCTAssertFalse(try check(.distinctCount(t(2)), ["ap-northeast-1a", "ap-northeast-1a"]).passed)
    }

    func testEveryAndAny() throws {
        let subnets: JSON = [["MapPublicIpOnLaunch": true], ["MapPublicIpOnLaunch": false]]
        let nested = Assertion(expression: "MapPublicIpOnLaunch", comparison: .equals(try t(true)), location: SourceLocation(file: "x"))
        let every = try check(.every(nested), subnets)
        XCTAssertFalse(every.passed)
        XCTAssertEqual(every.actual, LocalizedText(zh: "[1] MapPublicIpOnLaunch false", en: "[1] MapPublicIpOnLaunch false"))
        XCTAssertEqual(every.expected.en, "every element's MapPublicIpOnLaunch equal to true")
        XCTAssertTrue(try check(.any(nested), subnets).passed)
        XCTAssertFalse(try check(.every(nested), []).passed, "an empty list never passes every")
    }

    func testExistsAndAbsent() throws {
        XCTAssertTrue(try check(.exists, "x").passed)
        XCTAssertFalse(try check(.exists, nil).passed)
        XCTAssertTrue(try check(.absent, nil).passed)
        XCTAssertFalse(try check(.absent, []).passed)
    }

    func testCIDRContains() throws {
        XCTAssertTrue(try check(.cidrContains(t("10.0.1.25")), "10.0.0.0/16").passed)
        XCTAssertTrue(try check(.cidrContains(t("10.0.1.0/24")), ["172.31.0.0/16", "10.0.0.0/16"]).passed)
        XCTAssertFalse(try check(.cidrContains(t("10.1.0.4")), "10.0.0.0/16").passed)
        XCTAssertFalse(try check(.cidrContains(t("not-an-ip")), "10.0.0.0/16").passed)
        XCTAssertTrue(try check(.cidrContains(t(["10.0.1.0/24", "10.0.2.0/24"])), "10.0.0.0/16").passed)
        XCTAssertFalse(try check(.cidrContains(t(["10.0.1.0/24", "10.9.2.0/24"])), "10.0.0.0/16").passed)
        XCTAssertFalse(try check(.cidrContains(t([])), "10.0.0.0/16").passed)
    }

    func testOperandsResolveVariables() throws {
        XCTAssertTrue(try check(.equals(t("${cidr}")), "10.0.0.0/16").passed)
        XCTAssertThrowsError(try check(.equals(t("${missing}")), "x"))
    }

    func testCIDRBlock() {
        XCTAssertEqual(CIDRBlock(parsing: "10.0.1.7/24")?.description, "10.0.1.0/24")
        XCTAssertNil(CIDRBlock(parsing: "10.0.0.256"))
        XCTAssertNil(CIDRBlock(parsing: "10.0.0.0/33"))
        XCTAssertNil(CIDRBlock(parsing: "10.0.0"))
        XCTAssertTrue(CIDRBlock(parsing: "0.0.0.0/0")?.contains(CIDRBlock(parsing: "8.8.8.8")!) ?? false)
    }
}

import Course
import TestSupport
import XCTest

final class PriceListTests: XCTestCase {
    private let prices = PriceList(
        source: "test", checked: "2026-12-02",
        regions: [
            ("ap-northeast-1", ["nat_gateway_hour": 0.062, "public_ipv4_hour": 0.005, "gp3_gb_month": 0.096]),
            ("us-east-1", ["nat_gateway_hour": 0.045, "public_ipv4_hour": 0.005]),
        ])

    func testQuantitiesArePricedForTheRegionAndMonthsCountAs730Hours() throws {
        XCTAssertEqual(try XCTUnwrap(prices.usdPerHour(["nat_gateway_hour": 1, "public_ipv4_hour": 1], region: "us-east-1")), 0.050, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(prices.usdPerHour(["gp3_gb_month": 73], region: "ap-northeast-1")), 0.0096, accuracy: 1e-9)
        XCTAssertEqual(prices.usd("nat_gateway_hour", region: "eu-west-3"), 0.062, "a region the file lacks is priced as the first")
        XCTAssertNil(prices.usdPerHour(["alb_hour": 1], region: "ap-northeast-1"), "an unknown item has no price, not 0")
    }

    func testPricesAreShownWithTheDecimalsTheyNeed() {
        XCTAssertEqual(PriceList.dollars(0.0152), "$0.0152")
        XCTAssertEqual(PriceList.dollars(0.062), "$0.062")
        XCTAssertEqual(PriceList.dollars(0.10), "$0.10")
        XCTAssertEqual(PriceList.dollars(0.00553), "$0.0055")
        XCTAssertEqual(prices.shown(region: "ap-northeast-1")["nat_gateway_hour"], "$0.062")
    }

    func testTheRepositoryLessonsCostWhatThePriceFileSays() throws {
        let content = CourseLoader(root: TestEnvironment.projectRoot).load().content
        let tokyo = content.priced(in: "ap-northeast-1")
        func cost(_ lesson: String, _ step: String, _ operation: String) throws -> Double {
            let call = try XCTUnwrap(tokyo.lesson(lesson)?.step(step)?.calls.first { $0.operation.operation == operation })
            return call.cost.usdPerHour
        }
        XCTAssertEqual(try cost("network", "nat-gateway", "CreateNatGateway"), 0.062, accuracy: 1e-9)
        XCTAssertEqual(try cost("network", "nat-gateway", "AllocateAddress"), 0.005, accuracy: 1e-9)
        XCTAssertEqual(try cost("clusters", "auto-scaling-group", "CreateAutoScalingGroup"), 2 * 0.0152 + 2 * 0.005 + 60 * 0.096 / 730, accuracy: 1e-9)
        XCTAssertEqual(try cost("fargate-task", "run-task", "RunTask"), 0.25 * 0.05056 + 0.5 * 0.00553 + 0.005, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(tokyo.lesson("network")?.cost?.usdPerHour), 0.067, accuracy: 1e-9)
        let virginia = content.priced(in: "us-east-1")
        XCTAssertEqual(try XCTUnwrap(virginia.lesson("network")?.cost?.usdPerHour), 0.050, accuracy: 1e-9)
        XCTAssertEqual(content.prices.regions.first, "ap-northeast-1")
        XCTAssertFalse(content.prices.source.isEmpty)
    }

    func testAnUnknownPriceItemIsALintError() throws {
        let folder = try CourseFolder(files: [
            "prices.yaml": "source: test\nchecked: 2026-12-02\nregions:\n  ap-northeast-1:\n    nat_gateway_hour: 0.062\n",
            "lessons/01-x/lesson.yaml": """
                id: x
                order: 1
                title: {zh: 甲, en: X}
                summary: {zh: 甲, en: X}
                cost:
                  usd-per-hour: {nat_gatway_hour: 1}
                  note: {zh: "每小时 ${price.nat_gateway_hour}", en: "${price.nat_gateway_hours} an hour"}
                steps:
                  - id: a
                    title: {zh: 甲, en: A}
                    explain: {zh: 甲, en: A}
                """,
        ])
        defer { folder.remove() }
        let diagnostics = folder.load().diagnostics
        XCTAssertTrue(diagnostics.contains { $0.contains("costs 'nat_gatway_hour', which prices.yaml does not price") && $0.contains("nat_gateway_hour") }, "\(diagnostics)")
        XCTAssertTrue(diagnostics.contains { $0.contains("${price.nat_gateway_hours}") && $0.contains("does not price") }, "\(diagnostics)")
        XCTAssertFalse(diagnostics.contains { $0.contains("uses ${price.nat_gateway_hour},") }, "\(diagnostics)")
    }
}

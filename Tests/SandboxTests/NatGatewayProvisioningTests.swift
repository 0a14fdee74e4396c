import Foundation
import JSON
@testable import Sandbox
import XCTest

/// A new NAT gateway shows as pending for a while, as on AWS.
final class NatGatewayProvisioningTests: XCTestCase {
    private let created = Date(timeIntervalSince1970: 1_800_000_000)

    private func provisioning(seconds: Double, after elapsed: Double, notices lines: LineBox = LineBox()) -> NatGatewayProvisioning {
        let now = created.addingTimeInterval(elapsed)
        return NatGatewayProvisioning(seconds: seconds, notices: SandboxNotices(debug: false) { lines.append($0) }, now: { now })
    }

    private var described: JSON {
        ["NatGateways": [
            ["NatGatewayId": "nat-young", "State": "available", "CreateTime": .double(created.timeIntervalSince1970)],
            ["NatGatewayId": "nat-old", "State": "available", "CreateTime": "2026-11-01T08:00:00.000Z"],
            ["NatGatewayId": "nat-gone", "State": "deleted", "CreateTime": .double(created.timeIntervalSince1970)],
        ]]
    }

    private func states(_ result: JSON) -> [String] {
        (result["NatGateways"]?.arrayValue ?? []).map { "\($0["NatGatewayId"]?.stringValue ?? "?")=\($0["State"]?.stringValue ?? "?")" }
    }

    func testACreatedGatewayStartsPendingAndSaysItIsSimulated() {
        let lines = LineBox()
        let result = provisioning(seconds: 10, after: 0, notices: lines).created(["NatGateway": ["NatGatewayId": "nat-1", "State": "available"]])
        XCTAssertEqual(result["NatGateway"]?["State"], "pending")
        XCTAssertEqual(lines.lines, ["sandbox (simulated): NAT gateway nat-1 is pending for 10 s before it is available (on AWS this takes a minute or two)"])
    }

    /// The tutor's `lang` reaches every copy of the notices.
    func testTheNoticeFollowsALanguageSwitch() {
        let lines = LineBox()
        let notices = SandboxNotices(debug: false) { lines.append($0) }
        let provisioning = NatGatewayProvisioning(seconds: 2, notices: notices)
        notices.speak(.zh)
        _ = provisioning.created(["NatGateway": ["NatGatewayId": "nat-1", "State": "available"]])
        XCTAssertEqual(lines.lines, ["沙箱（模拟）：NAT 网关 nat-1 先处于 pending 状态 2 秒，然后才可用（在 AWS 上通常要一两分钟）"])
    }

    func testGatewaysYoungerThanTheDelayArePending() {
        XCTAssertEqual(states(provisioning(seconds: 10, after: 9.5).described(described, states: nil)), ["nat-young=pending", "nat-old=available", "nat-gone=deleted"])
        XCTAssertEqual(states(provisioning(seconds: 10, after: 10).described(described, states: nil)), ["nat-young=available", "nat-old=available", "nat-gone=deleted"])
    }

    func testAStateFilterIsAppliedToTheStatesShown() {
        let request: JSON = ["Filter": [["Name": "state", "Values": ["available"]], ["Name": "vpc-id", "Values": ["vpc-1"]]]]
        let (sent, wanted) = provisioning(seconds: 10, after: 1).request(request)
        XCTAssertEqual(sent, ["Filter": [["Name": "vpc-id", "Values": ["vpc-1"]]]])
        XCTAssertEqual(wanted, ["available"])
        XCTAssertEqual(states(provisioning(seconds: 10, after: 1).described(described, states: wanted)), ["nat-old=available"])
    }

    func testZeroSecondsLeavesMotoAlone() {
        let off = provisioning(seconds: 0, after: 0)
        XCTAssertEqual(off.described(described, states: nil), described)
        XCTAssertEqual(off.created(["NatGateway": ["State": "available"]]), ["NatGateway": ["State": "available"]])
        let request: JSON = ["Filter": [["Name": "state", "Values": ["pending"]]]]
        XCTAssertEqual(off.request(request).request, request)
    }

    func testTheDelayComesFromTheEnvironment() {
        XCTAssertEqual(NatGatewayProvisioning.seconds([:]), 10)
        XCTAssertEqual(NatGatewayProvisioning.seconds(["ECSLAB_SANDBOX_NAT_SECONDS": "2.5"]), 2.5)
        XCTAssertEqual(NatGatewayProvisioning.seconds(["ECSLAB_SANDBOX_NAT_SECONDS": "0"]), 0)
        XCTAssertEqual(NatGatewayProvisioning.seconds(["ECSLAB_SANDBOX_NAT_SECONDS": "soon"]), 10)
    }
}

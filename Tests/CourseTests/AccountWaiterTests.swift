import AWS
import Course
import Foundation
import JSON
import XCTest

/// Waiters poll through the account they are given, at its pace, within the
/// model's time budget.
final class AccountWaiterTests: XCTestCase {
    func testPollsThroughTheAccountUntilTheModelSaysSuccess() async throws {
        let account = FakeAccount()
        let answers = ["pending", "pending", "available"]
        account.on("ec2:DescribeNatGateways") { _ in
            let polls = account.callNames().count
            return ["NatGateways": [["NatGatewayId": "nat-1", "State": .string(answers[min(polls, answers.count) - 1])]]]
        }
        let seen = EventLog<WaitProgress>()
        try await AccountWaiter(api: account, pollEvery: .milliseconds(1))
            .wait(service: "ec2", waiter: "NatGatewayAvailable", input: ["NatGatewayIds": ["nat-1"]], progress: seen.record)
        XCTAssertEqual(account.callNames(), ["ec2:DescribeNatGateways", "ec2:DescribeNatGateways", "ec2:DescribeNatGateways"])
        XCTAssertEqual(account.calls.first?.input, ["NatGatewayIds": ["nat-1"]])
        XCTAssertEqual(seen.all.map(\.attempt), [1, 2, 3])
        XCTAssertEqual(seen.all.map(\.awaited), Array(repeating: "ec2:NatGatewayAvailable", count: 3))
        // The model polls every 15 s, 40 times: ten minutes, kept at any pace.
        XCTAssertEqual(seen.all.first?.maxAttempts, 600_000)
    }

    func testAFailureStateStopsTheWait() async throws {
        let account = FakeAccount()
        account.on("ec2:DescribeNatGateways") { _ in ["NatGateways": [["NatGatewayId": "nat-1", "State": "failed"]]] }
        do {
            try await AccountWaiter(api: account).wait(
                service: "ec2", waiter: "NatGatewayAvailable", input: ["NatGatewayIds": ["nat-1"]]) { _ in }
            XCTFail("a failed NAT gateway never becomes available")
        } catch let error as WaiterError {
            XCTAssertEqual(error.attempts, 1)
        }
    }
}

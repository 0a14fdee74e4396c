import AWS
import Foundation
import JSON
import TestSupport
import XCTest

final class WaiterTests: XCTestCase {
    func waiter(_ service: String, _ name: String, maxAttempts: Int? = nil) throws -> Waiter {
        Waiter(model: try ServiceModel.named(service).waiter(name), delay: .milliseconds(1), maxAttempts: maxAttempts)
    }

    func testSucceedsWhenEveryInstanceIsRunning() async throws {
        var responses: [JSON] = [
            ["Reservations": [["Instances": [["State": ["Name": "pending"]]]]]],
            ["Reservations": [["Instances": [["State": ["Name": "running"]], ["State": ["Name": "pending"]]]]]],
            ["Reservations": [["Instances": [["State": ["Name": "running"]], ["State": ["Name": "running"]]]]]],
        ]
        var sleeps: [Duration] = []
        var states: [String] = []
        let result = try await waiter("ec2", "InstanceRunning").run(
            poll: { responses.removeFirst() }, sleep: { sleeps.append($0) },
            onAttempt: { states.append("\($0.number)/\($0.maximum):\($0.state?.rawValue ?? "waiting")") })
        XCTAssertEqual(result["Reservations"]?[0]?["Instances"]?[1]?["State"]?["Name"], "running")
        XCTAssertEqual(states, ["1/40:waiting", "2/40:waiting", "3/40:success"])
        XCTAssertEqual(sleeps, [.milliseconds(1), .milliseconds(1)])
    }

    func testAFailureStateStopsAtOnce() async throws {
        do {
            _ = try await waiter("ec2", "InstanceRunning").run(
                poll: { ["Reservations": [["Instances": [["State": ["Name": "terminated"]]]]]] }, sleep: { _ in })
            XCTFail("expected a failure")
        } catch let error as WaiterError {
            XCTAssertEqual(error.kind, .failure)
            XCTAssertEqual(error.attempts, 1)
            XCTAssertEqual(error.message, "Waiter InstanceRunning failed: the resource reached a state from which it will not succeed.")
        }
    }

    func testTimesOutAfterMaxAttempts() async throws {
        var polls = 0
        do {
            _ = try await waiter("ecs", "TasksStopped", maxAttempts: 3).run(
                poll: { polls += 1; return ["tasks": [["lastStatus": "RUNNING"]]] }, sleep: { _ in })
            XCTFail("expected a timeout")
        } catch let error as WaiterError {
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertEqual(error.message, "Waiter TasksStopped timed out after 3 attempts without reaching success.")
        }
        XCTAssertEqual(polls, 3)
    }

    func testErrorsMatchErrorAcceptorsOrStopTheWait() async throws {
        // InstanceExists retries on InvalidInstanceID.NotFound, then succeeds.
        var attempt = 0
        _ = try await waiter("ec2", "InstanceExists").run(poll: {
            attempt += 1
            if attempt == 1 { throw AWSServiceError(code: "InvalidInstanceID.NotFound", message: "no", statusCode: 400) }
            return ["Reservations": [["Instances": [[:]]]]]
        }, sleep: { _ in })
        XCTAssertEqual(attempt, 2)
        let denied = AWSServiceError(code: "AccessDenied", message: "no", statusCode: 403)
        do {
            _ = try await waiter("ec2", "InstanceExists").run(poll: { throw denied }, sleep: { _ in })
            XCTFail("expected an error")
        } catch let error as WaiterError {
            XCTAssertEqual(error.kind, .unexpectedError(denied))
            XCTAssertEqual(error.message, "Waiter InstanceExists stopped on an unexpected error: AccessDenied: no (HTTP 403)")
        }
    }

    func testCancellingStopsTheWait() async throws {
        let waiter = Waiter(model: try ServiceModel.named("ec2").waiter("VpcAvailable"), delay: .seconds(60))
        let task = Task { try await waiter.run(poll: { ["Vpcs": [["State": "pending"]]] }) }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch is CancellationError {
        }
    }

    func testSummarySaysWhatIsAwaited() throws {
        XCTAssertEqual(
            try waiter("ec2", "VpcAvailable").summary,
            "waiting until every Vpcs[].State == \"available\", polling DescribeVpcs every 0.001 s, at most 40 times")
    }

    func testWaitsForAVpcOnMoto() async throws {
        let client = try MotoClient.client(try TestEnvironment.motoURL())
        let vpc = try await client.call(service: "ec2", operation: "CreateVpc", input: ["CidrBlock": "10.88.0.0/16"])
        let vpcID = try XCTUnwrap(vpc["Vpc"]?["VpcId"]?.stringValue)
        var attempts = 0
        let available = try await client.wait(
            service: "ec2", waiter: "vpc-available", input: ["VpcIds": [.string(vpcID)]], delay: .milliseconds(10),
            onAttempt: { attempts = $0.number })
        XCTAssertEqual(available["Vpcs"]?[0]?["State"], "available")
        XCTAssertEqual(attempts, 1)
        do {
            _ = try await client.wait(
                service: "ec2", waiter: "VpcExists", input: ["VpcIds": ["vpc-00000000000000000"]], delay: .milliseconds(10), maxAttempts: 2)
            XCTFail("expected a timeout")
        } catch let error as WaiterError {
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertEqual(error.attempts, 2)
        }
    }
}

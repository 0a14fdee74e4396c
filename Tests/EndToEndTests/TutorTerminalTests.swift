import Foundation
import XCTest

/// A learner at a real terminal, driven through tmux: what they type, and
/// what they see.
final class TutorTerminalTests: XCTestCase {
    func testLearnerWalksThroughTheLessonAndLeavesWithTeardown() throws {
        let fixture = try TutorFixture(region: "eu-west-3")
        let terminal = try fixture.terminal()
        var screen = try terminal.waitFor("ecslab> ")
        XCTAssertTrue(screen.contains("Welcome to ecslab, the tutor for the AWS ECS course. Type help for the commands, lessons for the course."))
        XCTAssertTrue(screen.contains("Connected to the endpoint \(fixture.moto) (account 123456789012, region eu-west-3)."))
        XCTAssertTrue(screen.contains("Preflight passed: credentials, region and endpoint are fine."))

        try terminal.enter("start feature")
        screen = try terminal.waitFor("ecslab feature/vpc> ")
        XCTAssertTrue(screen.contains("Starting lesson feature: Every feature"))
        XCTAssertTrue(screen.contains("== feature/vpc (1/8): Create the VPC =="))
        XCTAssertTrue(screen.contains("In the console: VPC console → Create VPC."))

        try terminal.enter("show")
        try terminal.waitFor("== feature/vpc (1/8): Create the VPC ==", count: 2)

        try terminal.enter("do")
        screen = try terminal.waitFor("Type next for the next step.")
        XCTAssertTrue(screen.contains("$ aws ec2 create-vpc --cidr-block 10.40.0.0/16 --tag-specifications"))
        XCTAssertTrue(screen.contains("$ aws ec2 modify-vpc-attribute --vpc-id vpc-"))
        XCTAssertTrue(screen.contains("✓ feature-vpc      The VPC exists  2/2"))
        XCTAssertTrue(screen.contains("✓ feature-vpc-dns  DNS hostnames are on  1/1"))

        try terminal.enter("check")
        try terminal.waitFor("Score: 3/3 (100%): 2 passed, 0 failed, 0 skipped, 0 errors", count: 2)

        try terminal.enter("hint")
        try terminal.waitFor("Hint 1/2 (feature-vpc): No VPC has that Name tag. Is the name right?")
        let progress = try String(contentsOf: fixture.state.appendingPathComponent("ecslab/progress/123456789012-eu-west-3.json"), encoding: .utf8)
        XCTAssertTrue(progress.contains("\"feature-vpc\": 1"), progress)

        try terminal.enter("next")
        try terminal.waitFor("ecslab feature/subnet> ")
        try terminal.enter("do")
        try terminal.waitFor("Type next for the next step.", count: 2)
        try terminal.enter("next")
        try terminal.waitFor("ecslab feature/address> ")
        try terminal.enter("do")
        try terminal.waitFor("This step creates something billed by the hour (about $0.005 an hour). Go ahead? [y/N]")
        try terminal.enter("y")
        screen = try terminal.waitFor("ecslab feature/address $0.005/h> ")
        XCTAssertTrue(screen.contains("✓ feature-address  The Elastic IP is allocated  1/1"))

        try terminal.enter("status")
        screen = try terminal.waitFor("total:    about $0.005 an hour")
        XCTAssertTrue(screen.contains("account:  123456789012 (arn:aws:sts::123456789012:user/moto)"))
        XCTAssertTrue(screen.contains("region:   eu-west-3"))
        XCTAssertTrue(screen.contains("endpoint: \(fixture.moto)"))
        XCTAssertTrue(screen.contains("mode:     the given endpoint (a local moto server, say)"))
        XCTAssertTrue(screen.contains("running:  feature/address ec2:AllocateAddress ecslab-feature-address (about $0.005 an hour)"))

        // By hand, the learner attaches the address to a network interface:
        // the check now waits for it to come free, and Ctrl-C stops the wait.
        let allocation = try fixture.aws(["ec2", "describe-addresses", "--query", "Addresses[0].AllocationId"])
        let subnet = try fixture.aws(["ec2", "describe-subnets", "--filters", "Name=cidr-block,Values=10.40.1.0/24", "--query", "Subnets[0].SubnetId"])
        let interface = try fixture.aws(["ec2", "create-network-interface", "--subnet-id", subnet, "--query", "NetworkInterface.NetworkInterfaceId"])
        let association = try fixture.aws(["ec2", "associate-address", "--allocation-id", allocation, "--network-interface-id", interface, "--query", "AssociationId"])
        try terminal.enter("check")
        screen = try terminal.waitFor("waiting for The Elastic IP is allocated (")
        XCTAssertTrue(screen.contains("s) · Ctrl-C stops waiting"), screen)
        try terminal.press("C-c")
        try terminal.waitFor("Stopped waiting; back at the prompt. What was created is in the ledger: run do again, or cleanup.")
        try terminal.waitFor("ecslab feature/address $0.005/h> ", count: 3)
        try fixture.aws(["ec2", "disassociate-address", "--association-id", association])
        try fixture.aws(["ec2", "delete-network-interface", "--network-interface-id", interface])

        // The tutor is still alive after Ctrl-C.
        try terminal.enter("status")
        try terminal.waitFor("total:    about $0.005 an hour", count: 2)

        try terminal.enter("quit")
        try terminal.waitFor("Resources that cost money are still running (about $0.005 an hour). Tear them down now? [Y/n]")
        try terminal.press("Enter")
        screen = try terminal.waitFor("Goodbye! Your progress is saved.")
        XCTAssertTrue(screen.contains("Tearing down what costs money..."))
        XCTAssertTrue(screen.contains("$ aws ec2 release-address --allocation-id \(allocation)"), screen)
        XCTAssertTrue(screen.contains("Deleted 1 resources, saving about $0.005 an hour."))
        try terminal.waitForExit()
        XCTAssertEqual(try fixture.aws(["ec2", "describe-addresses", "--query", "length(Addresses)"]), "0")
    }

    func testSIGTERMTearsDownWithoutAsking() throws {
        try assertSignalTearsDownWithoutAsking(SIGTERM, named: "SIGTERM", region: "us-west-1")
    }

    /// A closed terminal window (or a dropped SSH connection) sends SIGHUP.
    func testSIGHUPTearsDownWithoutAsking() throws {
        try assertSignalTearsDownWithoutAsking(SIGHUP, named: "SIGHUP", region: "us-west-2")
    }

    func testASignalWithNothingCostlyRunningJustLeaves() throws {
        let fixture = try TutorFixture(region: "af-south-1")
        let terminal = try fixture.terminal()
        try terminal.waitFor("ecslab> ")
        XCTAssertEqual(kill(try terminal.programID(), SIGHUP), 0)
        let screen = try terminal.waitFor("Received SIGHUP: nothing that costs money is running; leaving.")
        XCTAssertFalse(screen.contains("Deleted"), screen)
        try terminal.waitForExit()
    }

    private func assertSignalTearsDownWithoutAsking(_ signal: Int32, named name: String, region: String) throws {
        let fixture = try TutorFixture(region: region)
        let terminal = try fixture.terminal()
        try terminal.waitFor("ecslab> ")
        try terminal.enter("start feature")
        try terminal.waitFor("ecslab feature/vpc> ")
        try terminal.enter("do address")
        try terminal.waitFor("This step creates something billed by the hour (about $0.005 an hour). Go ahead? [y/N]")
        try terminal.enter("y")
        try terminal.waitFor("ecslab feature/address $0.005/h> ")
        let allocation = try fixture.aws(["ec2", "describe-addresses", "--query", "Addresses[0].AllocationId"])

        XCTAssertEqual(kill(try terminal.programID(), signal), 0)
        let screen = try terminal.waitFor("Left: nothing. AWS lists none of what was deleted, and nothing else carries our tags.")
        XCTAssertTrue(screen.contains("Received \(name): tearing down what costs money, then leaving."), screen)
        XCTAssertTrue(screen.contains("$ aws ec2 release-address --allocation-id \(allocation)"), screen)
        XCTAssertTrue(screen.contains("Deleted 1 resources, saving about $0.005 an hour."), screen)
        XCTAssertFalse(screen.contains("Tear them down now?"), screen)
        try terminal.waitForExit()
        XCTAssertEqual(try fixture.aws(["ec2", "describe-addresses", "--query", "length(Addresses)"]), "0")
    }
}

import Foundation
import XCTest

/// A learner with no AWS account takes the network lesson in the sandbox at
/// a real terminal (tmux): what they type, and what they see.
final class TutorSandboxTerminalTests: XCTestCase {
    func testLearnerTakesTheNetworkLessonInTheSandboxAndLeavesWithTeardown() throws {
        // Long enough to press Ctrl-C during the wait, short enough to wait out.
        let fixture = try SandboxTutorFixture(natGatewaySeconds: 8)
        let terminal = try fixture.terminal(["--sandbox", "--lang", "en"])
        var screen = try terminal.waitFor("ecslab> ")
        XCTAssertTrue(screen.contains("You are in the local sandbox (a simulated AWS on this machine, at http://127.0.0.1:"), screen)
        XCTAssertTrue(screen.contains("Preflight passed: credentials, region and endpoint are fine."), screen)

        try terminal.enter("start network")
        screen = try terminal.waitFor("ecslab network/topology> ")
        XCTAssertTrue(screen.contains("Starting lesson network: The network"))
        XCTAssertTrue(screen.contains("Cost: Mind the bill: the NAT gateway is charged by the hour"))
        XCTAssertTrue(screen.contains("== network/topology (1/7): The shape of the network =="))
        try terminal.enter("show")
        try terminal.waitFor("== network/topology (1/7): The shape of the network ==", count: 2)

        try terminal.enter("next")
        screen = try terminal.waitFor("ecslab network/vpc> ")
        XCTAssertTrue(screen.contains("In the console: VPC console → Your VPCs → Create VPC"))
        try terminal.enter("do")
        screen = try terminal.waitFor("Type next for the next step.")
        XCTAssertTrue(screen.contains("$ aws ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications"))
        XCTAssertTrue(screen.contains("✓ vpc-exists         The course VPC exists  2/2"))
        XCTAssertTrue(screen.contains("✓ vpc-dns-hostnames  The VPC has DNS hostnames on  1/1"))
        try terminal.enter("check")
        try terminal.waitFor("Score: 3/3 (100%): 2 passed, 0 failed, 0 skipped, 0 errors", count: 2)
        try terminal.enter("hint")
        try terminal.waitFor("Hint 1/2 (vpc-exists): In the VPC console, look under Your VPCs for a VPC named ecslab-vpc.")

        for (number, step) in ["subnets", "internet-gateway", "public-routes"].enumerated() {
            try terminal.enter("next")
            try terminal.waitFor("ecslab network/\(step)> ")
            try terminal.enter("do")
            try terminal.waitFor("Type next for the next step.", count: number + 2)
        }

        // The NAT gateway costs money: the tutor asks, then waits for it,
        // and Ctrl-C stops the wait without killing the tutor or the sandbox.
        try terminal.enter("next")
        try terminal.waitFor("ecslab network/nat-gateway> ")
        try terminal.enter("do")
        try terminal.waitFor("This step creates something billed by the hour (about $0.067 an hour). Go ahead? [y/N]")
        try terminal.enter("y")
        screen = try terminal.waitFor("waiting for ec2:NatGatewayAvailable (")
        XCTAssertTrue(screen.contains("sandbox (simulated): NAT gateway nat-"), screen)
        try terminal.press("C-c")
        try terminal.waitFor("Stopped waiting; back at the prompt. What was created is in the ledger: run do again, or cleanup.")
        try terminal.waitFor("ecslab network/nat-gateway $0.067/h> ")

        try terminal.enter("status")
        screen = try terminal.waitFor("total:    about $0.067 an hour")
        XCTAssertTrue(screen.contains("mode:     local sandbox (simulated, free)"))
        XCTAssertTrue(screen.contains("region:   ap-northeast-1"))
        XCTAssertTrue(screen.contains("running:  network/nat-gateway ec2:AllocateAddress ecslab-nat-eip (about $0.005 an hour)"))
        XCTAssertTrue(screen.contains("running:  network/nat-gateway ec2:CreateNatGateway ecslab-nat (about $0.062 an hour)"))

        // Doing the step again picks up the gateway already made (no second
        // question about its cost) and waits until it is available.
        try terminal.enter("do")
        screen = try terminal.waitFor("Type next for the next step.", count: 5)
        XCTAssertTrue(screen.contains("ec2:CreateNatGateway was done before; reusing its result."))
        XCTAssertTrue(screen.contains("✓ nat-in-public-subnet  The NAT gateway is available and sits in a public subnet  3/3"), screen)
        XCTAssertEqual(screen.components(separatedBy: "Go ahead? [y/N]").count, 2, "the cost question came once")

        try terminal.enter("next")
        try terminal.waitFor("ecslab network/private-routes $0.067/h> ")
        try terminal.enter("do")
        try terminal.waitFor("Score: 14/14 (100%): 5 passed, 0 failed, 0 skipped, 0 errors")
        try terminal.enter("check all")
        try terminal.waitFor("Score: 19/19 (100%): 8 passed, 0 failed, 0 skipped, 0 errors")
        // The first step is only read; moving on from it counts it done.
        try terminal.enter("lessons")
        try terminal.waitFor("4. network  The network  7/7 done")

        try terminal.enter("quit")
        try terminal.waitFor("Resources that cost money are still running (about $0.067 an hour). Tear them down now? [Y/n]")
        try terminal.press("Enter")
        screen = try terminal.waitFor("Goodbye! Your progress is saved.")
        XCTAssertTrue(screen.contains("$ aws ec2 delete-nat-gateway --nat-gateway-id nat-"), screen)
        XCTAssertTrue(screen.contains("$ aws ec2 release-address --allocation-id eipalloc-"), screen)
        XCTAssertTrue(screen.contains("Deleted 4 resources, saving about $0.067 an hour."), screen)
        XCTAssertTrue(screen.contains("Left: nothing. AWS lists none of what was deleted, and nothing else carries our tags."), screen)
        try terminal.waitForExit()
        XCTAssertEqual(fixture.runningServers(), [], "the sandbox the tutor started ends with it")
    }

    /// No credentials anywhere and a Chinese locale: `ecslab` alone opens the
    /// tutor in the sandbox, in Chinese, and the lesson can be done to the end.
    func testWithoutCredentialsTheTutorOpensInTheSandboxAndSpeaksTheLocale() throws {
        let fixture = try SandboxTutorFixture(natGatewaySeconds: 1)
        var environment = try fixture.environment
        environment["LANG"] = "zh_CN.UTF-8"
        let terminal = try TmuxTerminal(fixture.ecslab.url, [], environment: environment)
        var screen = try terminal.waitFor("ecslab> ")
        XCTAssertTrue(screen.contains("没有配置 AWS 凭证，所以使用本地沙箱。"), screen)
        XCTAssertTrue(screen.contains("你在本地沙箱（本机上的模拟 AWS，端点 http://127.0.0.1:"), screen)

        try terminal.enter("start network")
        screen = try terminal.waitFor("ecslab network/topology> ")
        XCTAssertTrue(screen.contains("开始课程 network：课程的网络"), screen)
        XCTAssertTrue(screen.contains("== network/topology (1/7): 网络的整体结构 =="), screen)
        for (number, step) in ["vpc", "subnets", "internet-gateway", "public-routes"].enumerated() {
            try terminal.enter("next")
            try terminal.waitFor("ecslab network/\(step)> ")
            try terminal.enter("do")
            try terminal.waitFor("输入 next 进入下一步。", count: number + 1)
        }
        try terminal.enter("next")
        try terminal.waitFor("ecslab network/nat-gateway> ")
        try terminal.enter("do")
        try terminal.waitFor("这一步会建立按小时收费的资源（每小时约 0.067 美元）。继续吗？ [y/N]")
        try terminal.enter("y")
        screen = try terminal.waitFor("输入 next 进入下一步。", count: 5)
        XCTAssertTrue(screen.contains("✓ nat-in-public-subnet"), screen)
        XCTAssertTrue(screen.contains("沙箱（模拟）：NAT 网关 nat-"), screen)
        try terminal.enter("next")
        try terminal.waitFor("ecslab network/private-routes $0.067/h> ")
        try terminal.enter("do")
        try terminal.waitFor("输入 next 进入下一步。", count: 6)
        try terminal.enter("check all")
        try terminal.waitFor("得分：19/19")

        try terminal.enter("quit")
        try terminal.waitFor("仍有会产生费用的资源在运行（每小时约 0.067 美元）。现在删除它们吗？ [Y/n]")
        try terminal.enter("y")
        screen = try terminal.waitFor("再见！进度已保存。")
        XCTAssertTrue(screen.contains("已删除 4 个资源，每小时节省约 0.067 美元。"), screen)
        try terminal.waitForExit()
        XCTAssertEqual(fixture.runningServers(), [])
    }

    /// Closing the terminal (a closed window, `tmux kill-session`) sends
    /// SIGHUP: the sandbox server the tutor started ends with the tutor.
    func testClosingTheTerminalEndsTheSandboxTheTutorStarted() throws {
        let fixture = try SandboxTutorFixture(natGatewaySeconds: 1)
        let terminal = try fixture.terminal(["--sandbox", "--lang", "en"])
        try terminal.waitFor("ecslab> ")
        XCTAssertEqual(fixture.runningServers().count, 1, "the tutor started a sandbox of its own")
        try terminal.close()
        let giveUp = Date().addingTimeInterval(15)
        while Date() < giveUp, !fixture.runningServers().isEmpty { usleep(100_000) }
        XCTAssertEqual(fixture.runningServers(), [], "nothing the tutor started outlives it")
    }
}

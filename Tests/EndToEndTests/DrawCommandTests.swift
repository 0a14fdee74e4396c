import Foundation
import TestSupport
import XCTest

/// `ecslab draw` on the sandbox, on a network the tutor built: drawn clean
/// (exit 0); then, the second private subnet's default route sent to the
/// internet gateway by hand, drawn with that route marked (exit 1).
final class DrawCommandTests: XCTestCase {
    func testTheNetworkIsDrawnAndABrokenRouteMarked() throws {
        let ecslab = try BuiltExecutable("ecslab")
        let home = try TestEnvironment.temporaryFolder("ecslab-draw")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = try TestEnvironment.venvEnvironment()
        for name in environment.keys where name.hasPrefix("AWS_") { environment[name] = nil }
        environment["HOME"] = home.path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        environment["ECSLAB_COURSE"] = TestEnvironment.projectRoot.path
        environment["ECSLAB_SANDBOX_NAT_SECONDS"] = "1"
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        func run(_ words: [String]) throws -> BuiltExecutable.Outcome { try ecslab.run(words, in: home, environment: environment, timeout: 300) }
        XCTAssertEqual(try run(["sandbox", "start"]).status, 0)
        defer { _ = try? run(["sandbox", "stop"]) }
        let built = try run(["--sandbox", "do", "network", "--yes"])
        XCTAssertEqual(built.status, 0, built.standardError)

        let clean = try run(["--sandbox", "draw", "network"])
        XCTAssertEqual(clean.status, 0, clean.standardOutput + clean.standardError)
        XCTAssertEqual(clean.standardOutput.components(separatedBy: "✓ 0.0.0.0/0 → NAT gateway").count - 1, 2, clean.standardOutput)
        XCTAssertEqual(clean.standardOutput.components(separatedBy: "✓ 0.0.0.0/0 → internet gateway").count - 1, 2, clean.standardOutput)
        XCTAssertFalse(clean.standardOutput.contains("✗"), clean.standardOutput)

        func id(_ operation: String, _ input: String, _ query: String) throws -> String {
            let found = try run(["--sandbox", "call", "ec2", operation, input, "--query", query, "--output", "text"])
            return found.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let table = try id("DescribeRouteTables", #"{"Filters":[{"Name":"tag:Name","Values":["ecslab-private-rt-2"]}]}"#, "RouteTables[0].RouteTableId")
        let gateway = try id("DescribeInternetGateways", #"{"Filters":[{"Name":"tag:Name","Values":["ecslab-igw"]}]}"#, "InternetGateways[0].InternetGatewayId")
        let replaced = try run(["--sandbox", "call", "--yes", "ec2", "ReplaceRoute", #"{"RouteTableId":"\#(table)","DestinationCidrBlock":"0.0.0.0/0","GatewayId":"\#(gateway)"}"#])
        XCTAssertEqual(replaced.status, 0, replaced.standardError)

        let broken = try run(["--sandbox", "--lang", "zh", "draw", "network", "--ascii"])
        XCTAssertEqual(broken.status, 1, broken.standardOutput + broken.standardError)
        XCTAssert(broken.standardOutput.contains("[!!] 0.0.0.0/0 -> 互联网网关"), broken.standardOutput)
        XCTAssert(broken.standardOutput.contains("[!!] ecslab-private-2: 私有子网的默认路由指向了互联网网关：应指向 NAT 网关"), broken.standardOutput)
        XCTAssertFalse(broken.standardOutput.contains("─"), "ASCII only")
    }
}

import Course
import JSON
import Sandbox
import TestSupport
import XCTest

/// A Fargate task of the course's app is backed by the learner's app, run
/// locally; its HTTP checks reach it through the simulated public IP.
final class TaskSimulationTests: XCTestCase {
    /// A tiny app with Node's own http module (no npm needed).
    func makeApp() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let app = """
            const http = require('http');
            http.createServer((req, res) => {
              res.setHeader('Content-Type', 'application/json');
              res.end(JSON.stringify({greeting: process.env.GREETING, path: req.url, metadata: process.env.ECS_CONTAINER_METADATA_URI_V4}));
            }).listen(Number(process.env.PORT), process.env.HOST);
            """
        try Data(app.utf8).write(to: folder.appendingPathComponent("app.js"))
        return folder
    }

    /// A VPC as a learner might leave it: no DNS hostnames, and a task
    /// definition whose container has no memory; the task has no security group.
    func runTask(in sandbox: SandboxFixture) async throws -> (task: String, vpc: String) {
        let vpc = try await sandbox.call("ec2:CreateVpc", ["CidrBlock": "10.20.0.0/16"])["Vpc"]?["VpcId"]?.stringValue ?? ""
        let subnet = try await sandbox.call("ec2:CreateSubnet", ["VpcId": .string(vpc), "CidrBlock": "10.20.1.0/24"])["Subnet"]?["SubnetId"]
        _ = try await sandbox.call("ecs:CreateCluster", ["clusterName": "task-test"])
        _ = try await sandbox.call(
            "ecs:RegisterTaskDefinition",
            [
                "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
                "containerDefinitions": [
                    [
                        "name": "web", "image": "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/ecslab-app:latest",
                        "portMappings": [["containerPort": 3000]], "environment": [["name": "GREETING", "value": "hello"]],
                    ]
                ],
            ])
        let run = try await sandbox.call(
            "ecs:RunTask",
            [
                "cluster": "task-test", "taskDefinition": "web", "launchType": "FARGATE",
                "networkConfiguration": ["awsvpcConfiguration": ["subnets": [subnet ?? nil], "assignPublicIp": "ENABLED"]],
            ])
        return (run["tasks"]?[0]?["taskArn"]?.stringValue ?? "", vpc)
    }

    func testTaskServesTheAppOverItsPublicIPUntilItStops() async throws {
        let sandbox = try await SandboxFixture(appFolder: try makeApp())
        defer { sandbox.close() }
        let (task, vpc) = try await runTask(in: sandbox)
        XCTAssertFalse(task.isEmpty)

        let described = try await sandbox.call("ecs:DescribeTasks", ["cluster": "task-test", "tasks": [.string(task)]])
        XCTAssertEqual(described["tasks"]?[0]?["lastStatus"], "RUNNING")
        let again = try await sandbox.call("ecs:DescribeTasks", ["cluster": "task-test", "tasks": [.string(task)]])
        XCTAssertEqual(again["tasks"]?[0]?["lastStatus"], "RUNNING", "task states stay put between describes")
        let eni = described["tasks"]?[0]?["attachments"]?[0]?["details"]?.arrayValue?.first { $0["name"] == "networkInterfaceId" }?["value"]
        let interfaces = try await sandbox.call("ec2:DescribeNetworkInterfaces", ["NetworkInterfaceIds": [eni ?? nil]])
        XCTAssertEqual(interfaces["NetworkInterfaces"]?[0]?["Association"]?["PublicIp"], "203.0.113.10")
        XCTAssertEqual(interfaces["NetworkInterfaces"]?[0]?["PrivateIpAddress"], "10.20.1.10", "an address from the subnet, not moto's")
        let address = described["tasks"]?[0]?["attachments"]?[0]?["details"]?.arrayValue?.first { $0["name"] == "privateIPv4Address" }?["value"]
        XCTAssertEqual(address, "10.20.1.10")
        let dns = try await sandbox.call("ec2:DescribeVpcAttribute", ["VpcId": .string(vpc), "Attribute": "enableDnsHostnames"])
        XCTAssertEqual(dns["EnableDnsHostnames"]?["Value"], false, "the learner's VPC setting is put back")
        let definition = try await sandbox.call("ecs:DescribeTaskDefinition", ["taskDefinition": "web"])
        XCTAssertEqual(definition["taskDefinition"]?["containerDefinitions"]?[0]?["memory"], 512)
        XCTAssertTrue(sandbox.printed.contains("sandbox: moto cannot run a container without its own memory; container web registered with memory 512 (from the task's 512)"), "\(sandbox.printed)")
        XCTAssertTrue(sandbox.printed.contains { $0.hasPrefix("sandbox: moto fails an awsvpc task without security groups; added \(vpc)'s default group sg-") })
        XCTAssertTrue(sandbox.printed.contains("sandbox: moto fails awsvpc tasks in a VPC without DNS hostnames; turned them on in \(vpc) for this call only"))

        let prober = sandbox.session.prober(base: TransportProber(transport: sandbox.transport), account: sandbox.account)
        let page = try await prober.get("http://203.0.113.10:3000/health?x=1", timeoutSeconds: 5)
        XCTAssertEqual(page["status"], 200)
        XCTAssertEqual(page["json"]?["greeting"], "hello")
        XCTAssertEqual(page["json"]?["path"], "/health?x=1")
        let metadataURI = try XCTUnwrap(page["json"]?["metadata"]?.stringValue)
        let prefix = "data:application/json;base64,"
        XCTAssertTrue(metadataURI.hasPrefix(prefix))
        let metadata = try JSON(parsing: Array(try XCTUnwrap(Data(base64Encoded: String(metadataURI.dropFirst(prefix.count))))))
        XCTAssertEqual(metadata["Networks"]?[0]?["IPv4Addresses"], ["10.20.1.10"])
        XCTAssertEqual(page["simulated"], true)
        let record = sandbox.session.taskSimulator(notices: .silent).store.load()
        XCTAssertEqual(record.count, 1)
        let port = try XCTUnwrap(record.first?.loopbackPort)

        _ = try await sandbox.call("ecs:StopTask", ["cluster": "task-test", "task": .string(task)])
        XCTAssertEqual(sandbox.session.taskSimulator(notices: .silent).store.load(), [])
        do {
            _ = try await TransportProber(transport: sandbox.transport).get("http://127.0.0.1:\(port)/", timeoutSeconds: 2)
            XCTFail("the app's port still answers after the task stopped")
        } catch {}
        do {
            _ = try await prober.get("http://203.0.113.10:3000/", timeoutSeconds: 2)
            XCTFail("a stopped task's IP still answers")
        } catch {
            XCTAssertEqual("\(error)", "simulated: no running task has the simulated public IP 203.0.113.10")
        }
    }

    /// The course's own Express app (lesson 6) reports the task's address from
    /// the simulated task metadata endpoint, as it would on Fargate.
    func testTheCourseAppReportsTheTaskAddress() async throws {
        let app = TestEnvironment.projectRoot.appendingPathComponent("lessons/06-web-app/app")
        guard FileManager.default.fileExists(atPath: app.appendingPathComponent("app.js").path) else {
            throw XCTSkip("the course app (lessons/06-web-app/app) is not written yet")
        }
        try TestEnvironment.need("Express 4 from node-express (scripts/setup)", FileManager.default.fileExists(atPath: "/usr/share/nodejs/express"))
        let sandbox = try await SandboxFixture(appFolder: app)
        defer { sandbox.close() }
        _ = try await runTask(in: sandbox)
        let prober = sandbox.session.prober(base: TransportProber(transport: sandbox.transport), account: sandbox.account)
        let page = try await prober.get("http://203.0.113.10:3000/api/ip", timeoutSeconds: 5)
        XCTAssertEqual(page["status"], 200, "\(page)")
        XCTAssertEqual(page["json"]?["ip"], "10.20.1.10")
        XCTAssertEqual(page["json"]?["source"], "ecs-task-metadata")
    }

    func testWithoutAnAppTheProbeSaysWhy() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-noapp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let sandbox = try await SandboxFixture(appFolder: empty)
        defer { sandbox.close() }
        let (task, _) = try await runTask(in: sandbox)
        let id = task.split(separator: "/").last.map(String.init) ?? ""
        let prober = sandbox.session.prober(base: TransportProber(transport: sandbox.transport), account: sandbox.account)
        do {
            _ = try await prober.get("http://203.0.113.10:3000/", timeoutSeconds: 2)
            XCTFail("a task without an app answered")
        } catch let unavailable as ProbeUnavailable {
            // The check becomes "not applicable", saying why, rather than failing.
            XCTAssertEqual(
                unavailable.reason.en, "skipped (simulated): task \(id) has no simulated container: the app folder \(empty.path) has no app.js")
        }
    }
}

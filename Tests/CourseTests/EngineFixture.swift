@testable import Course
import Foundation
import JSON
import Synchronization
import XCTest

/// The sample course loaded, with a fake account that keeps one VPC in
/// memory the way EC2 would, a ledger in a temporary folder, and runners.
struct EngineFixture {
    let content: CourseContent
    let account = FakeAccount()
    let ledger: Ledger
    let folder: URL
    let vpcs = VPCStore()

    init() throws {
        let course = try SampleCourse.folder()
        defer { course.remove() }
        let loaded = course.load()
        XCTAssertEqual(loaded.diagnostics, [])
        content = loaded.content
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        ledger = Ledger(file: folder.appendingPathComponent("ledger.jsonl"))
        let vpcs = self.vpcs
        account.on("ec2:CreateVpc") { input in
            let tags = input["TagSpecifications"]?[0]?["Tags"] ?? []
            let name = tags.arrayValue?.first { $0["Key"] == "Name" }?["Value"] ?? nil
            let entry = tags.arrayValue?.first { $0["Key"] == "ecslab:entry" }?["Value"] ?? nil
            return ["Vpc": ["VpcId": .string(vpcs.create(name: name.stringValue ?? "", entry: entry.stringValue ?? ""))]]
        }
        account.on("ec2:ModifyVpcAttribute") { input in
            vpcs.setDNS(input["VpcId"]?.stringValue ?? "")
            return [:]
        }
        account.on("ec2:DeleteVpc") { input in
            guard vpcs.delete(input["VpcId"]?.stringValue ?? "") else { throw FakeAccount.FakeError(code: "InvalidVpcID.NotFound") }
            return [:]
        }
        account.on("ec2:DescribeVpcs") { input in
            let value = input["Filters"]?[0]?["Values"]?[0]?.stringValue ?? ""
            let found = input["Filters"]?[0]?["Name"] == "tag:ecslab:entry" ? vpcs.entered(value) : vpcs.named(value)
            return ["Vpcs": .array(found.map { ["VpcId": .string($0)] })]
        }
        account.on("ec2:DescribeVpcAttribute") { input in
            let id = input["VpcId"]?.stringValue ?? ""
            guard let dns = vpcs.dns(id) else { throw FakeAccount.FakeError(code: "InvalidVpcID.NotFound") }
            return ["VpcId": .string(id), "EnableDnsHostnames": ["Value": .bool(dns)]]
        }
        account.on("resourcegroupstaggingapi:GetResources") { _ in
            ["ResourceTagMappingList": .array(vpcs.all().map { ["ResourceARN": .string("arn:aws:ec2:ap-northeast-1:123456789012:vpc/\($0)")] })]
        }
    }

    var lesson: Lesson { content.lesson("net")! }

    func scope() -> VariableScope {
        VariableScope(lesson: lesson, builtIns: ["account": "123456789012", "region": "ap-northeast-1"], overrides: [:], progress: LearnerProgress())
    }

    func checkRunner() -> CheckRunner {
        var runner = CheckRunner(api: account, prober: FakeProber(pages: [:]))
        runner.content = content
        runner.sleep = { _ in }
        return runner
    }

    func stepRunner() -> StepRunner {
        var runner = StepRunner(api: account, ledger: ledger, checks: checkRunner(), owner: "learner")
        let counter = Counter()
        runner.makeID = { "entry-\(counter.next())" }
        runner.now = { Date(timeIntervalSince1970: 1_800_000_000) }
        return runner
    }

    func teardown() -> Teardown {
        let lesson = self.lesson
        let reconciler = LedgerReconciler(api: account, ledger: ledger, content: content) { _ in
            VariableScope(lesson: lesson, builtIns: [:], overrides: [:], progress: LearnerProgress())
        }
        var teardown = Teardown(api: account, ledger: ledger, owner: "learner", reconciler: reconciler)
        teardown.sleep = { _ in }
        return teardown
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// VPCs kept in memory by the fake account.
final class VPCStore: Sendable {
    private let state = Mutex<(next: Int, vpcs: [String: (name: String, dns: Bool, entry: String)])>((1, [:]))

    func create(name: String, entry: String = "") -> String {
        state.withLock { state in
            let id = "vpc-\(state.next)"
            state.next += 1
            state.vpcs[id] = (name, false, entry)
            return id
        }
    }

    func setDNS(_ id: String) { state.withLock { $0.vpcs[id]?.dns = true } }
    func delete(_ id: String) -> Bool { state.withLock { $0.vpcs.removeValue(forKey: id) != nil } }
    func dns(_ id: String) -> Bool? { state.withLock { $0.vpcs[id]?.dns } }
    func named(_ name: String) -> [String] { state.withLock { $0.vpcs.filter { $0.value.name == name }.keys.sorted() } }
    func all() -> [String] { state.withLock { $0.vpcs.keys.sorted() } }
    /// The VPCs whose `ecslab:entry` tag is `entry`.
    func entered(_ entry: String) -> [String] { state.withLock { $0.vpcs.filter { $0.value.entry == entry }.keys.sorted() } }
}

final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
    func peek() -> Int { value.withLock { $0 } }
}

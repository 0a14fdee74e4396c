import Foundation
import Synchronization
import TestSupport
import XCTest

/// Labs built by hand (boto3, as a learner follows the lesson text in the
/// console), never by ecslab, each in an account of its own on the test
/// moto server, and graded by the built `ecslab check`: the grade must come
/// from what is in AWS, however the lab was built. The labs and their
/// verdicts are the table in HandBuiltLabTable.swift.
final class HandBuiltLabTests: XCTestCase {
    /// Labs graded and right verdicts over all the groups run so far.
    private static let tally = Mutex((labs: 0, right: 0))

    /// Account ids 31RRRRNNNNNN: 31 marks this suite, RRRR this run (so that
    /// running again on the same moto server finds no resources of the last
    /// run), NNNNNN the lab's place in the table.
    private static let run = Int.random(in: 0...9999)

    private static func account(of lab: HandBuiltLab) -> String {
        let place = HandBuiltLabTable.labs.firstIndex { $0.name == lab.name } ?? 0
        return String(format: "31%04d%06d", run, place + 1)
    }

    /// How many python processes build a group's labs side by side: moto
    /// answers one request at a time, so more than two buys nothing here.
    private static let builders = 2

    func testIAMRoleLabs() async throws {
        try await grade(HandBuiltLabTable.iamRoles, group: "lesson 3 (iam-roles)")
    }

    func testNetworkLabs() async throws {
        try await grade(HandBuiltLabTable.network, group: "lesson 4 (network)")
    }

    func testClusterLabs() async throws {
        try await grade(HandBuiltLabTable.clusters, group: "lesson 5 (clusters)")
    }

    func testWebAppLabs() async throws {
        let app = try HandWrittenApp.start()
        defer { app.stop() }
        let labs = HandBuiltLabTable.webApp.map { lab in
            var lab = lab
            lab.settings += ["app_dir=\(app.folder.path)", "port=\(app.port)"]
            return lab
        }
        try await grade(labs, group: "lesson 6 (web-app)")
    }

    func testFargateTaskLabs() async throws {
        try await grade(HandBuiltLabTable.fargateTask, group: "lesson 7 (fargate-task)")
    }

    override class func tearDown() {
        let total = tally.withLock { $0 }
        if total.labs > 0 { print("hand-built labs: labs \(total.labs), right verdicts \(total.right)") }
        super.tearDown()
    }

    /// Builds the group's labs and grades each as soon as it is built.
    private func grade(_ labs: [HandBuiltLab], group: String) async throws {
        let moto = try TestEnvironment.motoURL()
        let builder = LabBuilder(python: try TestEnvironment.venvProgram("python"), moto: moto)
        let grader = LabGrader(ecslab: try BuiltExecutable("ecslab").url, moto: moto)
        let byName = Dictionary(uniqueKeysWithValues: labs.map { ($0.name, $0) })
        let batches = (0..<Self.builders).map { start in
            stride(from: start, to: labs.count, by: Self.builders).map { (name: labs[$0].name, account: Self.account(of: labs[$0])) }
        }

        let outcomes = try await withThrowingTaskGroup(of: [LabOutcome].self) { builds in
            for batch in batches where !batch.isEmpty {
                builds.addTask {
                    try await withThrowingTaskGroup(of: LabOutcome.self) { gradings in
                        for try await built in builder.build(batch) {
                            guard let lab = byName[built.lab] else { continue }
                            gradings.addTask {
                                if let error = built.error {
                                    return LabOutcome(lab, account: built.account, problem: "building failed: \(error)")
                                }
                                do {
                                    return LabOutcome(lab, built, try await grader.grade(lab, built))
                                } catch {
                                    return LabOutcome(lab, account: built.account, problem: "grading failed: \(error)")
                                }
                            }
                        }
                        return try await gradings.reduce(into: []) { $0.append($1) }
                    }
                }
            }
            return try await builds.reduce(into: []) { $0 += $1 }
        }

        let ordered = labs.map { lab in
            outcomes.first { $0.lab.name == lab.name } ?? LabOutcome(lab, account: Self.account(of: lab), problem: "the builder never reported it")
        }
        let right = ordered.filter(\.right).count
        Self.tally.withLock { $0 = (labs: $0.labs + ordered.count, right: $0.right + right) }
        let report = "\(group): labs \(ordered.count), right verdicts \(right)\n" + ordered.map(\.report).joined(separator: "\n")
        if right == ordered.count {
            print(report)
        } else {
            XCTFail("\n" + report)
        }
    }
}

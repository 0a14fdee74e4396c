import AWS
import Course
import JSON
import Synchronization
import TestSupport
import XCTest

/// The grader policy comes from the check files, and the grader cannot make
/// a call outside it: whatever a check asks for, `PolicyBoundAccount`
/// refuses before anything is sent.
final class GraderPolicyTests: XCTestCase {
    private static let content = CourseLoader(root: TestEnvironment.projectRoot).load().content

    /// Answers every read with an empty answer and records what reached it.
    private final class EmptyAccount: AccountAPI, Sendable {
        let account = "123456789012"
        let region = "ap-northeast-1"
        private let made = Mutex<[String]>([])
        var calls: [String] { made.withLock { $0 } }

        func call(_ operation: OperationName, input: JSON) async throws -> JSON {
            made.withLock { $0.append(operation.description) }
            return [:]
        }
        func paginate(_ operation: OperationName, input: JSON) async throws -> JSON { try await call(operation, input: input) }
        func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
            XCTFail("a grader never waits")
        }
        func cliCommand(_ operation: OperationName, input: JSON) -> String { "" }
        func tagParameter(of operation: OperationName) -> TagParameter? { nil }
        func idempotencyTokenMember(of operation: OperationName) -> String? { nil }
        func errorCode(of error: any Error) -> String? { nil }
    }

    func testThePolicyHoldsOnlyReadsAndEveryReadOfTheChecksAndTheirLookups() throws {
        let content = Self.content
        let policy = GraderPolicy(checks: content.accountChecks(), content: content)
        XCTAssertFalse(policy.actions.isEmpty)
        for action in policy.actions {
            let operation = try XCTUnwrap(OperationName(parsing: action), action)
            XCTAssertTrue(operation.isCheckable, "\(action) is not a read a check may make")
        }
        // The reads the lookups make, not only those the checks name.
        XCTAssertTrue(policy.actions.contains("ec2:DescribeVpcs"), "the VPC lookup's read")
        XCTAssertTrue(policy.actions.contains("ecs:ListTasks"), "the task lookup's read")
        for check in content.accountChecks() {
            guard case .reads(let calls) = check.source else { continue }
            for call in calls { XCTAssertTrue(policy.allows(call.operation), "\(check.id) reads \(call.operation)") }
        }
        for lesson in content.lessons {
            for lookup in lesson.lookups { XCTAssertTrue(policy.allows(lookup.read.operation), "lookup \(lookup.name)") }
        }
        let document = policy.permissions
        XCTAssertEqual(document["Statement"]?[0]?["Effect"], "Allow")
        XCTAssertEqual(document["Statement"]?[0]?["Action"]?.arrayValue?.count, policy.actions.count)
    }

    func testALessonsPolicyIsEnoughForItsChecksAndNoMore() async throws {
        let content = Self.content
        for lesson in content.lessons where !content.accountChecks(of: [lesson.id]).isEmpty {
            let checks = content.accountChecks(of: [lesson.id])
            let policy = GraderPolicy(checks: checks, content: content)
            let empty = EmptyAccount()
            var runner = CheckRunner(api: PolicyBoundAccount(empty, policy: policy), prober: TransportProber(transport: CurlTransport()))
            runner.content = content
            runner.gradesQuizzes = false
            let scope = VariableScope(lesson: lesson, builtIns: ["account": "123456789012", "region": "ap-northeast-1"], overrides: [:], progress: LearnerProgress(), content: content)
            let results = await runner.run(checks, all: content.checks, scope: scope, patient: false)
            let refused = results.flatMap { (result: CheckResult) -> [String] in
                [result.reason?.en].compactMap { $0 } + result.assertions.compactMap { $0.error?.en }
            }.filter { $0.contains("not in the grader policy") }
            XCTAssertEqual(refused, [], "lesson \(lesson.id)")
            // The same checks with nothing between them and the account: every
            // call they make is one the policy names.
            let unbound = EmptyAccount()
            var free = runner
            free.api = unbound
            _ = await free.run(checks, all: content.checks, scope: scope, patient: false)
            XCTAssertFalse(unbound.calls.isEmpty, "lesson \(lesson.id) read nothing")
            XCTAssertEqual(Set(unbound.calls).subtracting(policy.actions).sorted(), [], "lesson \(lesson.id) made calls outside its policy")
            // Independent reads are made at once, so only their order may differ.
            XCTAssertEqual(empty.calls.sorted(), unbound.calls.sorted(), "lesson \(lesson.id): the policy changed nothing the checks read")
        }
        // One lesson's policy does not reach another's reads.
        let network = GraderPolicy(checks: content.accountChecks(of: ["network"]), content: content)
        XCTAssertFalse(network.allows(OperationName(service: "iam", operation: "GetRole")))
    }

    func testACallOutsideThePolicyIsRefusedBeforeItIsSent() async throws {
        let empty = EmptyAccount()
        let policy = GraderPolicy(checks: Self.content.accountChecks(of: ["network"]), content: Self.content)
        let account = PolicyBoundAccount(empty, policy: policy)
        do {
            _ = try await account.call(OperationName(service: "iam", operation: "ListRoles"), input: [:])
            XCTFail("a read outside the policy was sent")
        } catch let refused as PolicyBoundAccount.Refused {
            XCTAssertEqual(refused.operation, "iam:ListRoles")
        }
        do {
            _ = try await account.call(OperationName(service: "ec2", operation: "CreateVpc"), input: [:])
            XCTFail("a change was sent")
        } catch is PolicyBoundAccount.Refused {}
        _ = try await account.paginate(OperationName(service: "ec2", operation: "DescribeVpcs"), input: [:])
        XCTAssertEqual(empty.calls, ["ec2:DescribeVpcs"])
    }

    func testTheTrustPolicyNamesTheGraderAndTheExternalID() {
        let trust = GraderPolicy.trust(principal: "111111111111", externalID: "class-2026")
        let statement = trust["Statement"]?[0]
        XCTAssertEqual(statement?["Principal"]?["AWS"], "arn:aws:iam::111111111111:root")
        XCTAssertEqual(statement?["Action"], "sts:AssumeRole")
        XCTAssertEqual(statement?["Condition"]?["StringEquals"]?["sts:ExternalId"], "class-2026")
        let role = GraderPolicy.trust(principal: "arn:aws:iam::111111111111:role/grader", externalID: "x")
        XCTAssertEqual(role["Statement"]?[0]?["Principal"]?["AWS"], "arn:aws:iam::111111111111:role/grader")
    }

    func testAnAccountGradeLeavesOutWhatIsOnTheLearnersMachine() {
        let ids = Self.content.accountChecks().map(\.id)
        for local in ["app-package", "local-page", "dockerfile", "container-ip-route"] { XCTAssertFalse(ids.contains(local), local) }
        for kept in ["vpc-exists", "ecr-image-tag", "task-page"] { XCTAssertTrue(ids.contains(kept), kept) }
        XCTAssertFalse(ids.contains { $0.hasPrefix("quiz-") })
    }
}

import AWS
@testable import Course
import JSON
import Synchronization
import XCTest

final class StepRunnerTests: XCTestCase {
    func testPerformsTagsLedgersAndThenConverges() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))

        let first = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        XCTAssertEqual(first, .done)
        XCTAssertEqual(
            fixture.account.callNames(),
            // The checks, whether the name is taken, the calls, the checks again.
            ["ec2:DescribeVpcs", "ec2:DescribeVpcs", "ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute"])
        XCTAssertEqual(scope.value(of: VariableReference(name: "vpc_id")), "vpc-1")

        // The create call carried the course tags, with the step's name.
        let create = fixture.account.calls[2].input
        XCTAssertEqual(create["CidrBlock"], "10.0.0.0/16")
        let tags = create["TagSpecifications"]?[0]
        XCTAssertEqual(tags?["ResourceType"], "vpc")
        XCTAssertEqual(
            tags?["Tags"]?.arrayValue?.compactMap { $0["Key"]?.stringValue },
            ["Name", "ecslab:course", "ecslab:lesson", "ecslab:owner", "ecslab:expires-at", "ecslab:entry"])
        XCTAssertEqual(tags?["Tags"]?[4]?["Value"], "2027-01-15T12:00:00Z")

        // The ledger holds the intent and the result with the resolved undo.
        let entries = try fixture.ledger.entries()
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0].state, .created)
        XCTAssertEqual(entries[0].undo, ["call": "ec2:DeleteVpc", "params": ["VpcId": "vpc-1"]])
        XCTAssertEqual(entries[0].saved["vpc_id"], "vpc-1")

        // A second run finds the step done and changes nothing.
        let before = fixture.account.calls.count
        let second = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        XCTAssertEqual(second, .alreadyDone)
        XCTAssertEqual(Array(fixture.account.callNames()[before...]), ["ec2:DescribeVpcs", "ec2:DescribeVpcAttribute"])
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"])
    }

    func testAFailedStepIsResumedWithoutCreatingTwice() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        fixture.account.on("ec2:ModifyVpcAttribute") { _ in throw FakeAccount.FakeError(code: "RequestLimitExceeded") }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        do {
            _ = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
            XCTFail("the second call should have failed")
        } catch let error as StepError {
            XCTAssertEqual(error.description, "ec2:ModifyVpcAttribute failed: RequestLimitExceeded: scripted failure")
        }
        let vpcs = fixture.vpcs
        fixture.account.on("ec2:ModifyVpcAttribute") { input in
            vpcs.setDNS(input["VpcId"]?.stringValue ?? "")
            return [:]
        }
        var fresh = fixture.scope()
        let outcome = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &fresh, progress: &progress)
        XCTAssertEqual(outcome, .done)
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"], "the VPC from the first run is reused, not made again")
        XCTAssertEqual(fresh.value(of: VariableReference(name: "vpc_id")), "vpc-1")
    }

    /// AWS made the VPC, and the answer broke on the way back: the VPC is
    /// found by the call's entry tag and used, and no second one is made.
    func testALostAnswerIsFoundByItsEntryTagAndNotMadeAgain() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let vpcs = fixture.vpcs
        let creates = Counter()
        fixture.account.on("ec2:CreateVpc") { input in
            _ = creates.next()
            let tags = input["TagSpecifications"]?[0]?["Tags"]?.arrayValue ?? []
            let value = { (key: String) in tags.first { $0["Key"]?.stringValue == key }?["Value"]?.stringValue ?? "" }
            _ = vpcs.create(name: value("Name"), entry: value("ecslab:entry"))
            throw AWSTransportError(kind: .connectionReset, host: "ec2.ap-northeast-1.amazonaws.com")
        }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        let events = Mutex<[String]>([])
        let outcome = try await fixture.stepRunner().perform(
            step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress,
            observe: { event in if case .recovered(let call) = event { events.withLock { $0.append(call.operation.description) } } })
        XCTAssertEqual(outcome, .done)
        XCTAssertEqual(creates.peek(), 1, "the create was not repeated")
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"])
        XCTAssertEqual(scope.value(of: VariableReference(name: "vpc_id")), "vpc-1")
        XCTAssertEqual(events.withLock { $0 }, ["ec2:CreateVpc"])
        let entries = try fixture.ledger.entries()
        XCTAssertEqual(entries.map(\.state), [.created])
        XCTAssertEqual(entries.first?.saved["vpc_id"], "vpc-1")
        XCTAssertEqual(entries.first?.undo, ["call": "ec2:DeleteVpc", "params": ["VpcId": "vpc-1"]])
    }

    /// A server error that AWS did not act on: nothing carries the entry
    /// tag, so the create is made again, once.
    func testAFailureThatMadeNothingIsCalledAgainOnce() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let vpcs = fixture.vpcs
        let creates = Counter()
        fixture.account.on("ec2:CreateVpc") { input in
            guard creates.next() > 1 else { throw AWSServiceError(code: "InternalError", message: "try again", statusCode: 500) }
            let tags = input["TagSpecifications"]?[0]?["Tags"]?.arrayValue ?? []
            let value = { (key: String) in tags.first { $0["Key"]?.stringValue == key }?["Value"]?.stringValue ?? "" }
            return ["Vpc": ["VpcId": .string(vpcs.create(name: value("Name"), entry: value("ecslab:entry")))]]
        }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        let outcome = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        XCTAssertEqual(outcome, .done)
        XCTAssertEqual(creates.peek(), 2)
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"])
        let calls = fixture.account.callNames()
        let create = try XCTUnwrap(calls.firstIndex(of: "ec2:CreateVpc"))
        XCTAssertEqual(Array(calls[create...].prefix(3)), ["ec2:CreateVpc", "ec2:DescribeVpcs", "ec2:CreateVpc"], "looked before calling again")
        // Both calls carried the same entry tag: a later search finds either.
        let entries = calls.indices.filter { calls[$0] == "ec2:CreateVpc" }.map {
            fixture.account.calls[$0].input["TagSpecifications"]?[0]?["Tags"]?.arrayValue?.first { $0["Key"] == "ecslab:entry" }?["Value"]
        }
        XCTAssertEqual(Set(entries.compactMap { $0 }).count, 1)
    }

    /// A refusal that is not about a lost answer is the step's failure, at once.
    func testAnErrorThatIsNoLostAnswerIsNotLookedInto() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        fixture.account.on("ec2:CreateVpc") { _ in throw AWSServiceError(code: "VpcLimitExceeded", message: "too many", statusCode: 400) }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        do {
            _ = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
            XCTFail("the create should have failed")
        } catch let error as StepError {
            XCTAssert(error.description.hasPrefix("ec2:CreateVpc failed: VpcLimitExceeded"), error.description)
        }
        XCTAssertEqual(fixture.account.callNames().filter { $0 == "ec2:CreateVpc" }.count, 1)
        XCTAssertEqual(fixture.account.callNames().last, "ec2:CreateVpc", "nothing was looked for")
    }

    /// Ctrl-C during a call's wait: the next run makes nothing again, but
    /// waits again, and a run stopped before its calls makes none of them.
    func testAStoppedWaitIsWaitedForAgainAndAStoppedStepMakesNothing() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var step = try XCTUnwrap(fixture.lesson.step("vpc"))
        guard case .task(var calls) = step.kind else { return XCTFail("the vpc step makes calls") }
        calls[0].wait = WaitSpec(
            service: "ec2", waiter: "VpcAvailable", parameters: try Template(["VpcIds": ["${vpc_id}"]]), location: SourceLocation(file: "test"))
        step.kind = .task(calls: calls)
        fixture.account.on("ec2:wait:VpcAvailable") { _ in throw CancellationError() }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        do {
            _ = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
            XCTFail("the wait was stopped")
        } catch is CancellationError {}
        XCTAssertEqual(fixture.account.callNames().filter { $0 != "ec2:DescribeVpcs" }, ["ec2:CreateVpc", "ec2:wait:VpcAvailable"])

        fixture.account.on("ec2:wait:VpcAvailable") { _ in [:] }
        var fresh = fixture.scope()
        let before = fixture.account.callNames().count
        let outcome = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &fresh, progress: &progress)
        XCTAssertEqual(outcome, .done)
        XCTAssertEqual(
            Array(fixture.account.callNames()[before...]).filter { !$0.hasPrefix("ec2:DescribeVpc") },
            ["ec2:wait:VpcAvailable", "ec2:ModifyVpcAttribute"])
        XCTAssertEqual(fixture.vpcs.all(), ["vpc-1"])
        XCTAssertEqual(try fixture.stepRunner().callsToMake(step, of: fixture.lesson).map(\.operation.description), ["ec2:ModifyVpcAttribute"])

        // Cancelled while its checks run, a step goes no further.
        let other = try EngineFixture()
        defer { other.remove() }
        let task = Task {
            var scope = other.scope()
            var progress = LearnerProgress()
            withUnsafeCurrentTask { $0?.cancel() }
            return try await other.stepRunner().perform(step, of: other.lesson, content: other.content, scope: &scope, progress: &progress)
        }
        do {
            _ = try await task.value
            XCTFail("a cancelled step does not finish")
        } catch is CancellationError {}
        XCTAssertFalse(other.account.callNames().contains("ec2:CreateVpc"), "\(other.account.callNames())")
    }

    /// The vpc step's second call alone, which needs the VPC's id.
    static func dnsAgain(_ fixture: EngineFixture) throws -> Step {
        var step = try XCTUnwrap(fixture.lesson.step("vpc"))
        guard case .task(let calls) = step.kind else {
            XCTFail("the vpc step makes calls")
            return step
        }
        step.id = "dns-again"
        step.checks = []
        step.kind = .task(calls: [calls[1]])
        return step
    }

    /// A value the tutor never saved, because the learner made the thing by
    /// hand, is found by the lesson's lookup.
    func testAStepFindsByItsLookupWhatTheLearnerMadeByHand() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let id = fixture.vpcs.create(name: "ecslab-vpc")
        let step = try Self.dnsAgain(fixture)
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let outcome = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        XCTAssertEqual(outcome, .done)
        XCTAssertEqual(fixture.account.callNames(), ["ec2:DescribeVpcs", "ec2:ModifyVpcAttribute"])
        XCTAssertEqual(fixture.account.calls.last?.input["VpcId"]?.stringValue, id)
    }

    /// A value no earlier step has saved stops the step before its first
    /// call, naming the step that saves it: nothing is half made.
    func testAStepWhoseInputsAreNotKnownMakesNothing() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let step = try Self.dnsAgain(fixture)
        var scope = fixture.scope()
        var progress = LearnerProgress()
        do {
            _ = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
            XCTFail("vpc_id is not known yet")
        } catch let error as StepError {
            XCTAssertEqual(error, .missingInput("${vpc_id}", savedBy: "net/vpc"))
            XCTAssertEqual(error.description, "${vpc_id} has no value yet: net/vpc saves it, so do that step first; nothing was created")
            XCTAssertEqual(error.localizedMessage.zh, "${vpc_id} 还没有值：它由 net/vpc 保存，请先完成那一步；什么都没有创建")
        }
        XCTAssertEqual(fixture.account.callNames(), ["ec2:DescribeVpcs"], "only the lookup that found nothing")

        // Saved by an earlier call of the same step, the value may wait for it.
        let vpc = try XCTUnwrap(fixture.lesson.step("vpc"))
        let outcome = try await fixture.stepRunner().perform(vpc, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        XCTAssertEqual(outcome, .done)
    }

    func testDryRunChangesNothing() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var scope = fixture.scope()
        var progress = LearnerProgress()
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        let events = EventLog<StepRunner.Event>()
        let outcome = try await fixture.stepRunner().perform(
            step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress, dryRun: true, observe: events.record)
        XCTAssertEqual(outcome, .dryRun)
        XCTAssertEqual(fixture.account.callNames(), ["ec2:DescribeVpcs"])
        XCTAssertEqual(try fixture.ledger.entries().count, 0)
        let wouldCall = events.all.compactMap { event -> String? in
            if case .wouldCall(let call, _) = event { return call.operation.description }
            return nil
        }
        XCTAssertEqual(wouldCall, ["ec2:CreateVpc", "ec2:ModifyVpcAttribute"])
        let commands = events.all.compactMap { event -> String? in
            if case .wouldCall(_, let cli) = event { return cli }
            return nil
        }
        XCTAssertEqual(commands.last, #"aws ec2 ModifyVpcAttribute --cli-input-json '{"VpcId":"${vpc_id}","EnableDnsHostnames":{"Value":true}}'"#)
    }
}

/// Collects events from a `@Sendable` observer.
final class EventLog<Event: Sendable>: Sendable {
    private let events = Mutex<[Event]>([])
    var record: @Sendable (Event) -> Void { { event in self.events.withLock { $0.append(event) } } }
    var all: [Event] { events.withLock { $0 } }
}

/// A name already taken by what the tutor did not make.
final class NameTakenTests: XCTestCase {
    func testTheTutorNeverMakesASecondOfTheSameNameAndBuildsOnOneThatMatchesWhenAsked() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let mine = fixture.vpcs.create(name: "ecslab-vpc")
        let step = try XCTUnwrap(fixture.lesson.step("vpc"))
        var scope = fixture.scope()
        var progress = LearnerProgress()
        do {
            _ = try await fixture.stepRunner().perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
            XCTFail("the name is taken")
        } catch StepError.nameTaken(let taken) {
            XCTAssertTrue(taken.matchesLesson)
            XCTAssertEqual(taken.value?.stringValue, mine)
            XCTAssertTrue(StepError.nameTaken(taken).description.hasPrefix("there is already a VPC named ecslab-vpc that the tutor did not make: \(mine)."))
            XCTAssertTrue(StepError.nameTaken(taken).description.contains("--use-existing"))
            XCTAssertTrue(StepError.nameTaken(taken).localizedMessage.zh.hasPrefix("已经有名为 ecslab-vpc 的 VPC，而且不是导师建立的"))
        }
        XCTAssertFalse(fixture.account.callNames().contains("ec2:CreateVpc"))
        XCTAssertEqual(fixture.vpcs.all(), [mine])

        var runner = fixture.stepRunner()
        runner.useExisting = true
        let outcome = try await runner.perform(step, of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
        XCTAssertEqual(outcome, .done)
        XCTAssertEqual(fixture.vpcs.all(), [mine], "nothing new was made")
        XCTAssertEqual(fixture.account.calls.first { $0.operation == "ec2:ModifyVpcAttribute" }?.input["VpcId"]?.stringValue, mine)
        XCTAssertEqual(try fixture.ledger.live(), [], "what the learner made is not the tutor's to tear down")
    }

    func testTwoOfTheNameStopTheStepEvenWhenBuildingOnWhatIsThere() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        _ = fixture.vpcs.create(name: "ecslab-vpc")
        _ = fixture.vpcs.create(name: "ecslab-vpc")
        var runner = fixture.stepRunner()
        runner.useExisting = true
        var scope = fixture.scope()
        var progress = LearnerProgress()
        do {
            _ = try await runner.perform(try XCTUnwrap(fixture.lesson.step("vpc")), of: fixture.lesson, content: fixture.content, scope: &scope, progress: &progress)
            XCTFail("two share the name")
        } catch StepError.nameTaken(let taken) {
            XCTAssertEqual(taken.count, 2)
            XCTAssertFalse(taken.matchesLesson)
        }
        XCTAssertFalse(fixture.account.callNames().contains("ec2:CreateVpc"))
    }

    func testAFieldThatDiffersFromTheLessonIsNamed() {
        let differences = NameTaken.differences(
            of: ["VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "Tags": []], from: ["CidrBlock": "10.0.0.0/16", "TagSpecifications": []])
        XCTAssertEqual(differences, [NameTaken.Difference(field: "CidrBlock", found: "10.1.0.0/16", wanted: "10.0.0.0/16")])
    }
}

final class StepCallBase64Tests: XCTestCase {
    func testTheTextAtThePathIsSentBase64Encoded() {
        let input: JSON = ["LaunchTemplateName": "lt", "LaunchTemplateData": ["UserData": "ECS_CLUSTER=acme\n", "ImageId": "ami-1"]]
        let encoded = StepCall.encodingBase64(input, at: ["LaunchTemplateData", "UserData"][...])
        XCTAssertEqual(encoded["LaunchTemplateData"]?["UserData"], "RUNTX0NMVVNURVI9YWNtZQo=")
        XCTAssertEqual(encoded["LaunchTemplateData"]?["ImageId"], "ami-1")
        XCTAssertEqual(StepCall.encodingBase64(input, at: ["Nothing", "Here"][...]), input)
    }
}

@testable import Course
import JSON
import XCTest

final class CheckRunnerTests: XCTestCase {
    func testFailingCheckExplainsAndSkipsItsDependants() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let results = await fixture.checkRunner().run(fixture.content.checks(of: "net"), all: fixture.content.checks, scope: fixture.scope())
        XCTAssertEqual(results.map(\.check.id), ["vpc-exists", "vpc-dns"])
        XCTAssertEqual(results.map(\.status), [.failed, .skipped])
        XCTAssertEqual(results[0].failureMessage?.en, "Expected equal to 1, found 0")
        XCTAssertEqual(results[0].failureMessage?.zh, "期望 等于 1，实际 0")
        XCTAssertEqual(results[1].reason?.en, "skipped: it depends on vpc-exists, which did not pass")
        XCTAssertEqual(results.map(\.pointsEarned), [0, 0])
    }

    func testAValueIsFoundByItsLookupNeverByWhatTheTutorSaved() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let check = try XCTUnwrap(fixture.content.check("vpc-dns"))
        var scope = fixture.scope()
        scope.save("vpc-saved", as: "vpc_id")
        let missing = await fixture.checkRunner().run([check], all: [check], scope: scope)
        XCTAssertEqual(missing[0].status, .failed, "nothing in AWS is a finding, whatever progress says")
        XCTAssertEqual(missing[0].failureMessage?.en, "no VPC named ecslab-vpc")
        XCTAssertEqual(missing[0].failureMessage?.zh, "找不到名为 ecslab-vpc 的 VPC")

        let id = fixture.vpcs.create(name: "ecslab-vpc")
        fixture.vpcs.setDNS(id)
        let found = await fixture.checkRunner().run([check], all: [check], scope: scope)
        XCTAssertEqual(found[0].status, .passed)
        XCTAssertEqual(fixture.account.calls.last?.input["VpcId"]?.stringValue, id)
    }

    func testALookupThatFindsTwoFailsNamingBoth() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let first = fixture.vpcs.create(name: "ecslab-vpc")
        let second = fixture.vpcs.create(name: "ecslab-vpc")
        let check = try XCTUnwrap(fixture.content.check("vpc-dns"))
        let results = await fixture.checkRunner().run([check], all: [check], scope: fixture.scope())
        XCTAssertEqual(results[0].status, .failed)
        XCTAssertEqual(
            results[0].failureMessage?.en,
            "more than one VPC named ecslab-vpc (2): \(first), \(second); delete the extra ones, or use another name with --set")
    }

    func testEachLookupIsMadeOncePerRunAndSharesItsReadWithTheChecks() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let id = fixture.vpcs.create(name: "ecslab-vpc")
        fixture.vpcs.setDNS(id)
        let dns = try XCTUnwrap(fixture.content.check("vpc-dns"))
        var again = dns
        again.id = "vpc-dns-again"
        let run = await fixture.checkRunner().run(
            [(fixture.content.checks(of: "net") + [again], fixture.scope())], all: fixture.content.checks + [again])
        XCTAssertEqual(run.results.map(\.status), [.passed, .passed, .passed])
        // vpc-exists reads what the lookup reads: one DescribeVpcs in all.
        XCTAssertEqual(fixture.account.callNames(), ["ec2:DescribeVpcs", "ec2:DescribeVpcAttribute"])
        XCTAssertEqual(run.lookups, 1)
        XCTAssertEqual(run.reads, 2)
    }

    func testIdenticalReadsAreMadeOnce() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let check = try XCTUnwrap(fixture.content.check("vpc-exists"))
        var twin = check
        twin.id = "vpc-exists-again"
        _ = await fixture.checkRunner().run([check, twin], all: [check, twin], scope: fixture.scope())
        XCTAssertEqual(fixture.account.callNames(), ["ec2:DescribeVpcs"])
    }

    func testEventuallyRetriesUntilAWSSettles() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var check = try XCTUnwrap(fixture.content.check("vpc-exists"))
        check.eventuallySeconds = 60
        var runner = fixture.checkRunner()
        let clock = Counter()
        let vpcs = fixture.vpcs
        // Each sleep advances a fake clock by 5 s; the VPC appears after the second.
        runner.now = { Double(clock.peek() * 5) }
        runner.sleep = { _ in
            if clock.next() == 2 { _ = vpcs.create(name: "ecslab-vpc") }
        }
        let events = EventLog<CheckRunner.Event>()
        let results = await runner.run([check], all: [check], scope: fixture.scope(), observe: events.record)
        XCTAssertEqual(results.map(\.status), [.passed])
        let waits = events.all.compactMap { event -> Int? in
            if case .waiting(_, let remaining) = event { return remaining }
            return nil
        }
        XCTAssertEqual(waits, [60, 55])
        XCTAssertEqual(fixture.account.callNames(), ["ec2:DescribeVpcs", "ec2:DescribeVpcs", "ec2:DescribeVpcs"])
    }

    func testEventuallyGivesUpAtTheDeadline() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var check = try XCTUnwrap(fixture.content.check("vpc-exists"))
        check.eventuallySeconds = 12
        var runner = fixture.checkRunner()
        let clock = Counter()
        runner.now = { Double(clock.peek() * 5) }
        runner.sleep = { _ in _ = clock.next() }
        let results = await runner.run([check], all: [check], scope: fixture.scope())
        XCTAssertEqual(results.map(\.status), [.failed])
        XCTAssertEqual(fixture.account.callNames().count, 4, "tries at 0, 5, 10 and the last at 15")
    }

    func testPartialCredit() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var check = try XCTUnwrap(fixture.content.check("vpc-exists"))
        check.points = 3
        check.assertions.append(
            Assertion(expression: "vpcs.Vpcs[0].VpcId", comparison: .exists, location: check.location))
        check.assertions.append(
            Assertion(expression: "vpcs.Vpcs[0].VpcId", comparison: .matches("vpc-9+"), location: check.location))
        _ = fixture.vpcs.create(name: "ecslab-vpc")
        let results = await fixture.checkRunner().run([check], all: [check], scope: fixture.scope())
        XCTAssertEqual(results[0].status, .failed)
        XCTAssertEqual(results[0].pointsEarned, 2)
        XCTAssertEqual(results[0].failureMessage?.en, "Expected text matching /vpc-9+/, found vpc-1")
    }

    func testAWSRefusalIsAnErrorNotAFailure() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        fixture.account.on("ec2:DescribeVpcs") { _ in throw FakeAccount.FakeError(code: "UnauthorizedOperation") }
        let check = try XCTUnwrap(fixture.content.check("vpc-exists"))
        let results = await fixture.checkRunner().run([check], all: [check], scope: fixture.scope())
        XCTAssertEqual(results[0].status, .error)
        XCTAssertEqual(results[0].reason?.en, "AWS refused ec2:DescribeVpcs: UnauthorizedOperation: scripted failure")
    }

    func testNotFoundIsAnAnswerTheAssertionsJudge() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        _ = fixture.vpcs.create(name: "ecslab-vpc")
        fixture.account.on("ec2:DescribeVpcAttribute") { _ in throw FakeAccount.FakeError(code: "InvalidVpcID.NotFound") }
        let check = try XCTUnwrap(fixture.content.check("vpc-dns"))
        let results = await fixture.checkRunner().run([check], all: [check], scope: fixture.scope())
        XCTAssertEqual(results[0].status, .failed)
        XCTAssertEqual(results[0].failureMessage?.en, "Expected equal to true, found nothing")
    }

    func testChecksRefuseNonReadsAtRunTime() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        var check = try XCTUnwrap(fixture.content.check("vpc-exists"))
        check.source = .reads([ReadCall(name: "x", operation: OperationName(service: "ec2", operation: "DeleteVpc"), parameters: try Template([:]), location: check.location)])
        let results = await fixture.checkRunner().run([check], all: [check], scope: fixture.scope())
        XCTAssertEqual(results[0].status, .error)
        XCTAssertEqual(results[0].reason?.en, "ec2:DeleteVpc is not a read, so a check may not call it")
        XCTAssertEqual(fixture.account.callNames(), [])
    }

    func testHTTPProbesReachOnlyLoopbackOrAddressesReadFromAWS() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let base = try XCTUnwrap(fixture.content.check("vpc-exists"))
        func probe(_ url: String) throws -> Check {
            var check = base
            check.source = .http(HTTPProbe(url: try Template(.string(url)), location: base.location))
            check.assertions = [Assertion(expression: "status", comparison: .equals(try Template(200)), location: base.location)]
            return check
        }
        var scope = fixture.scope()
        scope.variables["site"] = "198.51.100.7"
        let id = fixture.vpcs.create(name: "ecslab-vpc")
        var runner = fixture.checkRunner()
        runner.prober = FakeProber(pages: [
            "http://127.0.0.1:3000/": ["status": 200], "http://\(id)/": ["status": 200], "http://198.51.100.7/": ["status": 200],
        ])
        let loopback = await runner.run([try probe("http://127.0.0.1:3000/")], all: [], scope: scope)
        XCTAssertEqual(loopback[0].status, .passed)
        let saved = await runner.run([try probe("http://${vpc_id}/")], all: [], scope: scope)
        XCTAssertEqual(saved[0].status, .passed)
        let typed = await runner.run([try probe("http://${site}/")], all: [], scope: scope)
        XCTAssertEqual(typed[0].status, .error)
        XCTAssertEqual(
            typed[0].reason?.en, "an HTTP check may reach only loopback or an address read from your AWS resources, not 198.51.100.7")
        let smuggled = await runner.run([try probe("http://198.51.100.7/?next=http://${vpc_id}")], all: [], scope: scope)
        XCTAssertEqual(smuggled[0].status, .error, "a looked-up value further along the URL does not make its host allowed")
        let userinfo = await runner.run([try probe("http://${task_ip}@198.51.100.7/")], all: [], scope: scope)
        XCTAssertEqual(userinfo[0].status, .error)
        let nothing = await runner.run([try probe("http://127.0.0.1:9/")], all: [], scope: scope)
        XCTAssertEqual(nothing[0].status, .failed, "an app that does not answer fails the check")
    }

    func testQuizChecksGradeTheAnswerWithoutGivingItAway() async throws {
        let fixture = try EngineFixture()
        defer { fixture.remove() }
        let quiz = try XCTUnwrap(fixture.content.gradedChecks(of: "net").first { $0.id == "quiz-quiz" })
        var runner = fixture.checkRunner()
        runner.content = fixture.content
        let unanswered = await runner.run([quiz], all: [], scope: fixture.scope())
        XCTAssertEqual(unanswered[0].status, .failed)
        let text = TextReport(language: .en).render(unanswered)
        XCTAssertFalse(text.contains("Two"), text)
        runner.quizAnswers = ["net/quiz": 0]
        let wrong = await runner.run([quiz], all: [], scope: fixture.scope())
        XCTAssertEqual(wrong[0].status, .failed)
        XCTAssertEqual(wrong[0].failureMessage?.en, "This question is not answered correctly yet.")
        runner.quizAnswers = ["net/quiz": 1]
        let right = await runner.run([quiz], all: [], scope: fixture.scope())
        XCTAssertEqual(right[0].status, .passed)
        XCTAssertEqual(right[0].pointsEarned, 1)
    }
}

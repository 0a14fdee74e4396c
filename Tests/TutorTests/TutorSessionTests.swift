import Course
import Foundation
import TestSupport
import Tutor
import XCTest

/// The tutor's own behaviour, driven at its prompt in this process: the
/// exact words in both languages, the hint tiers and quizzes kept in the
/// learner's progress, and the search of the learner's other regions.
final class TutorSessionTests: XCTestCase {
    /// A whole scripted session, switching language half way: the exact output.
    func testLangSwitchesEverythingTheTutorSays() async throws {
        let harness = try TutorHarness(region: "eu-south-1")
        let transcript = try await harness.session(["help lang", "frob", "lang zh", "help lang", "frob", "start nope", "lang", "quit"])
        XCTAssertEqual(transcript, """
            Welcome to ecslab, the tutor for the AWS ECS course. Type help for the commands, lessons for the course.
            Connected to the endpoint MOTO (account 123456789012, region eu-south-1).
            Preflight passed: credentials, region and endpoint are fine.
            ecslab> help lang
            lang zh|en  —  switch language
            ecslab> frob
            There is no command frob. Type help to see them all.
            ecslab> lang zh
            已切换到中文。
            ecslab> help lang
            lang zh|en  —  切换语言
            ecslab> frob
            没有命令 frob。输入 help 查看所有命令。
            ecslab> start nope
            出错了：没有课程 nope。课程有：feature。
            ecslab> lang
            用法：lang zh 或 lang en
            ecslab> quit
            再见！进度已保存。

            """)
    }

    /// Hints come in tiers, each shown once more when asked again, and the
    /// tiers used are kept in the learner's progress across sessions.
    func testHintTiersAreRecordedAcrossSessions() async throws {
        let harness = try TutorHarness(region: "ca-west-1")
        _ = try await harness.session(["start feature", "hint"])
        let again = try await harness.session(["hint"])
        XCTAssertTrue(again.contains("""
            ecslab feature/vpc> hint
            Hint 2/2 (feature-vpc): Run ecslab do feature/vpc.
            ecslab feature/vpc> ^D
            """), again)
        let progress = try String(contentsOf: harness.state.appendingPathComponent("ecslab/progress/123456789012-ca-west-1.json"), encoding: .utf8)
        XCTAssertTrue(progress.contains("\"feature-vpc\": 2"), progress)
    }

    /// A check that finds nothing in the learner's region looks in the other
    /// regions the learner has worked in, and says where the resource is.
    func testACheckThatFindsNothingHereSaysWhichOtherRegionHasIt() async throws {
        let osaka = try TutorHarness(region: "ap-northeast-3")
        let made = try await osaka.session(["start feature", "do"])
        XCTAssertTrue(made.contains("✓ feature-vpc      The VPC exists  2/2"), made)

        // The learner opens the tutor again, forgetting the region.
        let checked = try await osaka.inRegion("eu-south-2").session(["start feature", "check"])
        XCTAssertTrue(checked.contains("""
            Score: 0/3 (0%): 0 passed, 1 failed, 1 skipped, 0 errors
            What feature-vpc looks for is in ap-northeast-3, not in eu-south-2. Open ecslab again with --region ap-northeast-3.
            ecslab feature/vpc> ^D
            """), checked)
        // The DNS check only runs once the VPC is found: it is not reported as elsewhere.
        XCTAssertFalse(checked.contains("What feature-vpc-dns looks for"), checked)
        _ = try await osaka.session(["cleanup all", "y"])
    }

    func testNothingIsSaidWhenTheOtherRegionsDoNotHaveItEither() async throws {
        // The learner started the lesson in Melbourne, but made nothing there.
        let melbourne = try TutorHarness(region: "ap-southeast-4")
        _ = try await melbourne.session(["start feature"])
        let checked = try await melbourne.inRegion("eu-central-2").session(["start feature", "check"])
        XCTAssertTrue(checked.contains("✗ feature-vpc"), checked)
        XCTAssertFalse(checked.contains("looks for is in"), checked)
    }

    /// A step's text names the learner's own values: a `--set` or an id
    /// already made, not the lesson's default.
    func testTextsNameTheLearnersValues() async throws {
        var harness = try TutorHarness(region: "me-central-1")
        harness.course = try FeatureCourse.copy(replacing: "explain: {zh: 在 VPC 里建立一个自动分配公有 IP 的子网。, en: Create a subnet in the VPC that gives out public IPs.}",
            with: #"explain: {zh: "在 ${vpc_name}（${vpc_id}）里建立子网。", en: "Create a subnet in ${vpc_name} (${vpc_id})."}"#)
        let transcript = try await harness.session(["start feature", "show subnet", "show vpc", "do", "show subnet", "cleanup all", "y"])
        XCTAssertTrue(transcript.contains("""
            ecslab feature/vpc> show subnet
            == feature/subnet (2/8): Create a subnet ==
            Create a subnet in ecslab-feature-vpc (<vpc_id>).
            """), transcript)
        XCTAssertTrue(transcript.contains("""
            == feature/subnet (2/8): Create a subnet ==
            Create a subnet in ecslab-feature-vpc (vpc-ID).
              $ aws ec2 create-subnet --vpc-id vpc-ID --cidr-block 10.40.1.0/24 --availability-zone me-central-1a
            """), transcript)
    }

    /// `call` at the prompt answers as the aws CLI does, and asks before a
    /// change through the same yes/no question as every other command.
    func testCallAnswersAsTheCLIAndAsksBeforeAChange() async throws {
        let harness = try TutorHarness(region: "ap-east-1")
        let transcript = try await harness.session([
            "call ec2 DescribeVpcs '{\"Filters\":[{\"Name\":\"is-default\",\"Values\":[\"false\"]}]}' --query 'length(Vpcs)'",
            "call ec2 DescribeVpcz", "call ec2 CreateVpc '{\"CidrBlock\":\"10.9.0.0/16\"}'", "n", "call", "quit",
        ])
        XCTAssertEqual(transcript, """
            Welcome to ecslab, the tutor for the AWS ECS course. Type help for the commands, lessons for the course.
            Connected to the endpoint MOTO (account 123456789012, region ap-east-1).
            Preflight passed: credentials, region and endpoint are fine.
            ecslab> call ec2 DescribeVpcs '{"Filters":[{"Name":"is-default","Values":["false"]}]}' --query 'length(Vpcs)'
            0
            ecslab> call ec2 DescribeVpcz
            ! ecslab: ec2 has no operation "DescribeVpcz"; did you mean DescribeVpcs?
            ecslab> call ec2 CreateVpc '{"CidrBlock":"10.9.0.0/16"}'
            This will run:
              aws ec2 create-vpc --cidr-block 10.9.0.0/16
            Proceed? [y/N] n
            ! ecslab: Not run.
            ecslab> call
            Name a service and an operation, e.g. ecslab call ec2 DescribeVpcs.
            ecslab> quit
            Goodbye! Your progress is saved.

            """)
    }
}

/// `set NAME=VALUE`: the learner's own names, kept with their progress and
/// used by every check and step from then on.
final class TutorNamesTests: XCTestCase {
    func testTheLearnersNamesAreKeptAndUsedByTheChecks() async throws {
        let harness = try TutorHarness(region: "ap-southeast-7")
        let (transcript, session) = try await harness.run([
            "set", "set vpc_nam=hand-vpc", "set vpc_name", "set vpc_name=hand-vpc", "set", "quit",
        ])
        XCTAssertTrue(transcript.contains("You have changed no names: every lesson uses its defaults."), transcript)
        XCTAssertTrue(transcript.contains("There is no name called vpc_nam; did you mean vpc_name?"), transcript)
        XCTAssertTrue(transcript.contains("Usage: set NAME=VALUE"), transcript)
        XCTAssertTrue(
            transcript.contains("From now on vpc_name is hand-vpc (the default is ecslab-feature-vpc); the checks and the tutor's steps use it."),
            transcript)
        XCTAssertTrue(transcript.contains("  vpc_name = hand-vpc (default ecslab-feature-vpc)"), transcript)
        XCTAssertEqual(session.workspace.progress.names, ["vpc_name": "hand-vpc"])
        XCTAssertEqual(try session.workspace.progressStore.load().names, ["vpc_name": "hand-vpc"], "kept with the progress")

        let (again, later) = try await harness.run(["lang zh", "set vpc_name=", "quit"])
        XCTAssertTrue(again.contains("vpc_name 又用回默认的 ecslab-feature-vpc。"), again)
        XCTAssertEqual(later.workspace.progress.names, [:])
    }

    func testAFailedLookupNamesWhatWasLookedForWithTheLearnersName() async throws {
        let harness = try TutorHarness(region: "ap-southeast-6")
        let transcript = try await harness.session(["set vpc_name=hand-vpc", "start feature", "check", "quit"])
        XCTAssertTrue(transcript.contains("no VPC named hand-vpc; VPCs in ap-southeast-6: vpc-ID (172.31.0.0/16, default)"), transcript)
    }
}

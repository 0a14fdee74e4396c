import Course
import JSON
import XCTest

final class CourseLoaderTests: XCTestCase {
    func testSampleLoadsCleanly() throws {
        let folder = try SampleCourse.folder()
        defer { folder.remove() }
        let (content, diagnostics) = folder.load()
        XCTAssertEqual(diagnostics, [])
        let lesson = try XCTUnwrap(content.lesson("net"))
        XCTAssertEqual(lesson.title.en, "The network")
        XCTAssertEqual(lesson.variables.map(\.name), ["vpc_name", "vpc_cidr"])
        XCTAssertEqual(lesson.steps.map(\.id), ["vpc", "quiz"])
        XCTAssertEqual(lesson.steps[0].calls.count, 2)
        XCTAssertEqual(lesson.steps[0].calls[0].operation.description, "ec2:CreateVpc")
        XCTAssertEqual(lesson.steps[0].calls[0].save.map(\.name), ["vpc_id"])
        XCTAssertEqual(lesson.steps[1].quiz?.answer, 1)
        XCTAssertEqual(content.checks.map(\.id), ["vpc-exists", "vpc-dns"])
        XCTAssertEqual(content.check("vpc-exists")?.points, 2)
        XCTAssertEqual(content.check("vpc-dns")?.dependsOn, ["vpc-exists"])
        XCTAssertEqual(content.check("vpc-dns")?.hints.count, 1)
    }

    func testBadYAMLIsReportedAtItsLineAndOtherFilesStillLoad() throws {
        let folder = try SampleCourse.folder(extra: ["lessons/05-broken/lesson.yaml": "id: broken\ntitle: [unclosed\n"])
        defer { folder.remove() }
        let (content, diagnostics) = folder.load()
        XCTAssertNotNil(content.lesson("net"))
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(
            diagnostics[0].hasPrefix("lessons/05-broken/lesson.yaml:3:1: error: not valid YAML:"), diagnostics[0])
    }

    /// Yams refuses a repeated key; the diagnostic says which, at its first use.
    func testARepeatedKeyIsReportedAtItsFirstUse() throws {
        let folder = try SampleCourse.folder(extra: ["lessons/05-broken/lesson.yaml": "id: broken\ntitle: a\ntitle: b\n"])
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/05-broken/lesson.yaml:2:1: error: 'title' is given more than once in this mapping (keep one of each)"])
    }

    /// Found by CourseLoaderFuzzTests: nine lines of aliases of aliases
    /// (the "billion laughs") stand for 9^9 values, and loading them hung.
    func testAliasesThatExpandPastTheLimitAreRefused() throws {
        let laughs = (1...9).map { level in
            "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]"
        }
        let bomb = "l0: &l0 lol\n" + laughs.joined(separator: "\n") + "\n"
        let folder = try SampleCourse.folder(extra: ["lessons/05-broken/lesson.yaml": bomb])
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/05-broken/lesson.yaml:1:1: error: the file holds more than 100000 values once its aliases (*name) are expanded "
                + "(write the values out instead of repeating aliases of aliases)"])
        // A few aliases, as an author may use them, still load.
        let few = SampleCourse.lesson.replacingOccurrences(of: "vpc_name: ecslab-vpc", with: "vpc_name: &name ecslab-vpc\n  other_name: *name")
        let fine = try SampleCourse.folder(lesson: few)
        defer { fine.remove() }
        XCTAssertEqual(fine.load().content.lesson("net")?.variables.map(\.defaultValue).prefix(2), ["ecslab-vpc", "ecslab-vpc"])
    }

    /// Found by CourseLoaderFuzzTests: a call's name with a line break in it
    /// broke its diagnostic over two lines.
    func testABadOperationNameIsQuotedOnOneLine() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "- call: ec2:ModifyVpcAttribute", with: #"- call: "ec2:Modify\nVpcAttribute""#)
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertTrue(
            folder.load().diagnostics.contains(
                #"lessons/04-net/lesson.yaml:22:15: error: 'ec2:Modify\nVpcAttribute' is not an operation name (write it as service:Operation, e.g. ec2:DescribeVpcs)"#),
            "\(folder.load().diagnostics)")
    }

    func testMissingEnglishTextIsAnError() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "title: {zh: 网络, en: The network}", with: "title: {zh: 网络}")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/04-net/lesson.yaml:3:8: error: 'title' of the lesson has no English text (add 'en:' with the English text)"])
    }

    func testUnknownFieldSuggestsTheClosestName() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "    console: {zh", with: "    consle: {zh")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/04-net/lesson.yaml:14:5: error: step 'vpc' has an unknown field 'consle' (did you mean 'console'?)"])
    }

    func testUndefinedVariable() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "\"${vpc_cidr}\"", with: "\"${vpc_cdir}\"")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/04-net/lesson.yaml:17:29: error: a call of step 'vpc' uses ${vpc_cdir}, which is not defined (did you mean '${vpc_cidr}'?)"])
    }

    func testACheckMayNotNameAValueOnlyAStepSaves() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "  vpc_id:\n    call: ec2:DescribeVpcs", with: "  the_vpc:\n    call: ec2:DescribeVpcs")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            [
                "checks/04-net.yaml:19:62: error: check 'vpc-dns' uses ${vpc_id}, which only a step saves: a grade comes from AWS alone (add a lookup 'vpc_id' that finds it in AWS)"
            ])
    }

    func testLookupsThatNeedEachOtherOrNameNothingAreRefused() throws {
        let lookups = """
              a:
                call: ec2:DescribeVpcs
                params: {VpcIds: ["${b}"]}
                matches: Vpcs
                value: VpcId
                looks-for: {zh: 甲, en: a}
                else: c
              b:
                call: ec2:DescribeVpcs
                params: {VpcIds: ["${a}"]}
                matches: Vpcs
                value: VpcId
                looks-for: {zh: 乙, en: b}
              vpc_name:
                call: ec2:CreateVpc
                matches: Vpc
                value: VpcId
                looks-for: {zh: 丙, en: c}

            """
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "lookups:\n", with: "lookups:\n" + lookups)
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        let diagnostics = folder.load().diagnostics.map { $0.replacingOccurrences(of: #"^\S+: error: "#, with: "", options: .regularExpression) }
        XCTAssertTrue(diagnostics.contains("lookup 'a' falls back on 'c', which is not a lookup of lesson 'net' (did you mean 'b'?)"), "\(diagnostics)")
        XCTAssertTrue(diagnostics.contains("lookups of lesson 'net' need each other in a cycle: a -> b -> a"), "\(diagnostics)")
        XCTAssertTrue(diagnostics.contains("lookup 'vpc_name' has the name of a variable of lesson 'net' (give one of them another name)"), "\(diagnostics)")
        XCTAssertTrue(
            diagnostics.contains("lookup 'vpc_name' calls ec2:CreateVpc, which is not a read (lookups may only call Describe*, List* and Get* operations)"),
            "\(diagnostics)")
    }

    func testVariableUsedBeforeItIsSaved() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "params: {CidrBlock: \"${vpc_cidr}\"}", with: "params: {CidrBlock: \"${vpc_id}\"}")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/04-net/lesson.yaml:17:29: error: a call of step 'vpc' uses ${vpc_id} before step 'vpc' saves it"])
    }

    func testStepListsAnUnknownCheck() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "checks: [vpc-exists, vpc-dns]", with: "checks: [vpc-exist, vpc-dns]")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/04-net/lesson.yaml:11:5: error: step 'vpc' lists check 'vpc-exist', which does not exist (did you mean 'vpc-exists'?)"])
    }

    func testDependencyCycle() throws {
        let checks = SampleCourse.checks.replacingOccurrences(
            of: "    points: 2\n", with: "    points: 2\n    depends: [vpc-dns]\n")
        let folder = try SampleCourse.folder(checks: checks)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["checks/04-net.yaml:16:5: error: checks depend on each other in a cycle: vpc-dns -> vpc-exists -> vpc-dns"])
    }

    func testChecksMayOnlyRead() throws {
        let checks = SampleCourse.checks.replacingOccurrences(of: "call: ec2:DescribeVpcAttribute", with: "call: ec2:ModifyVpcAttribute")
        let folder = try SampleCourse.folder(checks: checks)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            [
                "checks/04-net.yaml:19:13: error: check 'vpc-dns' calls ec2:ModifyVpcAttribute, which is not a read (checks may only call Describe*, List* and Get* operations)"
            ])
    }

    func testChecksMayNotReadSecrets() throws {
        let checks = SampleCourse.checks.replacingOccurrences(of: "call: ec2:DescribeVpcAttribute", with: "call: ecr:GetAuthorizationToken")
        let folder = try SampleCourse.folder(checks: checks)
        defer { folder.remove() }
        XCTAssertEqual(folder.load().diagnostics.count, 1)
        XCTAssertTrue(folder.load().diagnostics[0].contains("calls ecr:GetAuthorizationToken, which is not a read"))
    }

    func testAssertionNeedsExactlyOneOperator() throws {
        let checks = SampleCourse.checks.replacingOccurrences(of: "        equals: 1\n", with: "        equals: 1\n        at-least: 1\n")
        let folder = try SampleCourse.folder(checks: checks)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            [
                "checks/04-net.yaml:9:9: error: an assertion of check 'vpc-exists' has more than one operator (equals, at-least) (use one of: equals, not-equals, matches, contains, in, at-least, at-most, length, distinct-count, every, any, exists, absent, cidr-contains)"
            ])
    }

    func testQuizAnswerMustBeAChoice() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(of: "answer: 2", with: "answer: 3")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            ["lessons/04-net/lesson.yaml:34:15: error: the answer of step 'quiz' should be a choice number from 1 to 2"])
    }

    func testCostlyCallNeedsAnUndo() throws {
        let lesson = SampleCourse.lesson.replacingOccurrences(
            of: "        tags: none\n", with: "        tags: none\n        usd-per-hour: 0.045\n")
        let folder = try SampleCourse.folder(lesson: lesson)
        defer { folder.remove() }
        XCTAssertEqual(
            folder.load().diagnostics,
            [
                "lessons/04-net/lesson.yaml:22:9: error: a call of step 'vpc' creates something that costs money by the hour but has no 'undo' (add 'undo:' with the call that deletes it)"
            ])
    }

    func testCheckOfAnUnknownLesson() throws {
        let checks = SampleCourse.checks.replacingOccurrences(of: "lesson: net\n", with: "lesson: nte\n")
        let folder = try SampleCourse.folder(checks: checks)
        defer { folder.remove() }
        let diagnostics = folder.load().diagnostics
        XCTAssertTrue(diagnostics.contains("checks/04-net.yaml:3:5: error: check 'vpc-exists' belongs to lesson 'nte', which does not exist (did you mean 'net'?)"), "\(diagnostics)")
    }

    func testEmptyFolder() throws {
        let folder = try CourseFolder(files: [:])
        defer { folder.remove() }
        XCTAssertEqual(folder.load().diagnostics, ["lessons: error: no lessons found (a lesson lives in lessons/NN-id/lesson.yaml)"])
    }
}

import Foundation
import TestSupport
import XCTest

/// Bad input about the course: ids that name nothing, and lesson files with
/// a mistake in them. Each gets one sentence and exit 2 (a usage or
/// configuration problem), and the ledger and progress stay as they were.
final class CourseInputTests: BadInputTestCase {
    /// The course copied, with one line of one lesson file changed: the
    /// mistake an author makes, at a line lint would name.
    private func course(in machine: BadInputMachine, changing old: String, to new: String) throws -> URL {
        let course = machine.root.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        for name in ["lessons", "checks", "prices.yaml"] {
            try FileManager.default.copyItem(
                at: TestEnvironment.projectRoot.appendingPathComponent(name), to: course.appendingPathComponent(name))
        }
        let file = course.appendingPathComponent("lessons/03-iam-roles/lesson.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: old), "lessons/03-iam-roles/lesson.yaml has \(old)")
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: file)
        return course
    }

    func testUnknownLessonID() throws {
        let machine = try machine()
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "no-such-lesson", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 2, mentioning: ["There is no lesson no-such-lesson.", "iam-roles"])
        assertUnchanged(before, machine)
    }

    func testUnknownStepID() throws {
        let machine = try machine()
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "iam-roles/no-such-step", "--yes", "--endpoint-url", try TestEnvironment.motoURL()], environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 2, mentioning: ["Lesson iam-roles has no step no-such-step.", "instance-role"])
        assertUnchanged(before, machine)
    }

    /// `check LESSON/CHECK` grades one check; one the lesson lacks is named with the lesson's checks.
    func testUnknownCheckID() throws {
        let machine = try machine()
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["check", "iam-roles/no-such-check", "--endpoint-url", try TestEnvironment.motoURL()], environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 2, mentioning: ["Lesson iam-roles has no check no-such-check.", "instance-role-trust"])
        assertUnchanged(before, machine)
    }

    /// The lesson's own file is named, at its line and column, once; the
    /// lesson is not then said not to exist.
    func testMalformedYAML() throws {
        let machine = try machine()
        let course = try course(in: machine, changing: "\ntitle:\n", to: "\ntitle: [unclosed\n")
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "iam-roles", "--yes", "--course", course.path, "--endpoint-url", try TestEnvironment.motoURL()],
            environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 2, mentioning: ["lessons/03-iam-roles/lesson.yaml:6:", "not valid YAML"])
        assertUnchanged(before, machine)
    }

    /// A step without its English title still teaches, in Chinese, after one
    /// warning: a slip of the author's stops no learner.
    func testALessonMissingALanguage() throws {
        let machine = try machine()
        let course = try course(in: machine, changing: "      en: Why ECS needs several roles\n", to: "")
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "iam-roles/why-roles", "--dry-run", "--lang", "en", "--course", course.path, "--endpoint-url", try TestEnvironment.motoURL()],
            environment: BadInputMachine.motoKeys())
        assertOneSentence(outcome, status: 0, mentioning: ["lessons/03-iam-roles/lesson.yaml:", "has no English text"])
        XCTAssertTrue(outcome.standardOutput.contains("== iam-roles/why-roles: 为什么 ECS 需要好几个角色 =="), outcome.standardOutput)
        XCTAssertFalse(outcome.standardOutput.contains("(text missing)"), outcome.standardOutput)
        assertUnchanged(before, machine)
    }

    /// In an account of its own, so the step is not already done and its
    /// call is really tried.
    func testAStepCallingAnUnknownOperation() async throws {
        let account = try await FreshMotoAccount.make(on: try TestEnvironment.motoURL())
        let machine = try machine(account: account.account)
        let course = try course(in: machine, changing: "      - call: iam:CreateRole\n", to: "      - call: iam:CreateRol\n")
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "iam-roles/instance-role", "--yes", "--course", course.path, "--endpoint-url", try TestEnvironment.motoURL()],
            environment: BadInputMachine.motoKeys(accessKeyID: account.accessKeyID))
        assertOneSentence(outcome, status: 2, mentioning: ["CreateRol", "CreateRole"])
        assertUnchanged(before, machine)
    }

    func testAStepWithAnUnknownParameter() async throws {
        let account = try await FreshMotoAccount.make(on: try TestEnvironment.motoURL())
        let machine = try machine(account: account.account)
        let course = try course(in: machine, changing: "          RoleName: \"${instance_role_name}\"\n", to: "          RoleNam: \"${instance_role_name}\"\n")
        let before = machine.stateFiles()
        let outcome = try machine.run(
            ["do", "iam-roles/instance-role", "--yes", "--course", course.path, "--endpoint-url", try TestEnvironment.motoURL()],
            environment: BadInputMachine.motoKeys(accessKeyID: account.accessKeyID))
        assertOneSentence(outcome, status: 2, mentioning: ["RoleNam", "RoleName"])
        assertUnchanged(before, machine)
    }
}

import ArgumentParser
import Course
import Foundation
import JSON
import Terminal
import Tutor

/// `ecslab grader-policy`: the least-privilege IAM policy a grader needs,
/// from the check files themselves, and the trust policy of the role a
/// learner's account lets the grader assume.
struct GraderPolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grader-policy",
        abstract: "Print the least-privilege IAM policy grading needs, and the trust policy of a grader role.",
        discussion: """
            --part permissions prints the role's permissions policy (aws iam put-role-policy --policy-document), \
            --part trust its trust policy (aws iam create-role --assume-role-policy-document); by default both, \
            as {"PermissionsPolicy": …, "TrustPolicy": …}.
            """)

    enum Part: String, ExpressibleByArgument, CaseIterable {
        case permissions, trust, both
    }

    @Option(help: ArgumentHelp("The folder holding lessons/ and checks/.", valueName: "dir"))
    var course: String?

    @Option(help: ArgumentHelp("Only these lessons (ids, comma-separated).", valueName: "a,b"))
    var lessons: String?

    @Option(help: "permissions, trust or both.")
    var part: Part = .both

    @Option(name: .customLong("grader-account"), help: ArgumentHelp("The grader's account id or role ARN, trusted to assume the role.", valueName: "id|arn"))
    var graderAccount: String?

    @Option(name: .customLong("external-id"), help: "The class's external id (default: a new random one, printed on standard error).")
    var externalID: String?

    @Option(help: "Language of messages: zh or en.")
    var lang: String?

    func run() async throws {
        let language = (try? WorkspaceOptions.language(lang)) ?? .en
        try await reportingFailures(in: language) {
            let content = CourseFolder.load(course, console: .standard)
            let chosen = try ClassGrader.chosenLessons(lessons, in: content, language: language)
            let policy = GraderPolicy(checks: content.accountChecks(of: chosen), content: content)
            func trust() throws -> JSON {
                guard let graderAccount else {
                    throw CommandFailure.usage("the trust policy names who may assume the role: add --grader-account ACCOUNT_ID (or a role ARN)")
                }
                let externalID = self.externalID ?? Self.newExternalID()
                if self.externalID == nil { Console.standard.error(TutorText.graderExternalIDMade(language, ["id": externalID])) }
                return GraderPolicy.trust(principal: graderAccount, externalID: externalID)
            }
            let document: JSON
            switch part {
            case .permissions: document = policy.permissions
            case .trust: document = try trust()
            case .both: document = ["PermissionsPolicy": policy.permissions, "TrustPolicy": try trust()]
            }
            Console.standard.out(document.formatted(.awsCLI))
        }
    }

    /// 32 hex digits from the system's random source: unguessable, as an external id should be.
    static func newExternalID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "ecslab-" + (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

import Course
import Foundation
import Terminal
import TestSupport
import Tutor
import XCTest

/// A tutor session in this process, as a learner meets it: the feature
/// lesson of the course tests against the test moto server, a state folder
/// and a home of its own, lines typed from a script, and the exact
/// transcript back. No terminal and no built binary are involved.
struct TutorHarness {
    let moto: String
    let state: URL
    let region: String
    var course: String = TestEnvironment.projectRoot.appendingPathComponent("Tests/CourseTests/Fixtures/feature").path

    /// - Parameter region: a region no other test uses, since moto's state is shared.
    init(region: String) throws {
        moto = try TestEnvironment.motoURL()
        state = try TestEnvironment.temporaryFolder("ecslab-tutor")
        self.region = region
    }

    /// The same learner (state folder and home) working in another region.
    func inRegion(_ other: String) -> TutorHarness {
        var copy = self
        copy.regionOverride = other
        return copy
    }

    private var regionOverride: String?
    var currentRegion: String { regionOverride ?? region }

    /// What the learner's PATH holds.
    var path = "/usr/bin:/bin"

    var environment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": currentRegion, "HOME": state.path, "PATH": path,
            "ECSLAB_VENV": venv, "ECSLAB_SANDBOX_NAT_SECONDS": "1",
        ]
    }

    /// The project virtualenv, for a sandbox the tutor starts itself.
    var venv: String {
        ((try? TestEnvironment.venvProgram("moto_server"))?.deletingLastPathComponent().deletingLastPathComponent().path) ?? ""
    }

    /// The tutor on a sandbox of its own rather than the test server.
    var sandbox = false

    func options(_ language: Language) -> WorkspaceOptions {
        WorkspaceOptions(language: language, endpointURL: sandbox ? nil : moto, course: course, sandbox: sandbox, environment: environment)
    }

    static var shippedCourse: String { TestEnvironment.projectRoot.path }

    var stateDirectory: StateDirectory { StateDirectory(url: state.appendingPathComponent("ecslab")) }

    /// Opens the workspace as the tutor does, runs `lines` at its prompt
    /// (the end of the script is Ctrl-D), and returns everything it wrote.
    func session(_ lines: [String], language: Language = .en, tools: any ToolAvailability = FixedTools(["node", "docker"])) async throws -> String {
        try await run(lines, language: language, tools: tools).transcript
    }

    /// The same, with the session itself, to look at what it left behind.
    func run(
        _ lines: [String], language: Language = .en, tools: any ToolAvailability = FixedTools(["node", "docker"])
    ) async throws -> (transcript: String, session: TutorSession) {
        let transcript = Transcript()
        let workspace = try await Workspace.open(options(language), state: stateDirectory, interactive: true, console: transcript.console)
        let session = TutorSession(
            workspace: workspace, target: sandbox ? .sandbox : .endpoint(moto), reader: ScriptedLineReader(lines, transcript: transcript),
            style: .plain, indicator: WaitIndicator(animated: false) { transcript.write($0) })
        session.tools = tools
        await session.run()
        return (normalized(transcript.contents), session)
    }

    /// The transcript with what changes from run to run written as words:
    /// the server's address, and the ids AWS made up.
    func normalized(_ text: String) -> String {
        var text = text.replacingOccurrences(of: moto, with: "MOTO")
        for prefix in ["vpc", "subnet", "sg", "eipalloc", "igw", "rtb", "nat", "eni"] {
            text = text.replacingOccurrences(of: "\(prefix)-[0-9a-f]{8,17}", with: "\(prefix)-ID", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", with: "UUID", options: .regularExpression)
        text = text.replacingOccurrences(of: "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", with: "TIME", options: .regularExpression)
        return text.replacingOccurrences(of: "\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b(?!/)", with: "IP", options: .regularExpression)
    }
}

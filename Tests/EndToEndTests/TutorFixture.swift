import Foundation
import TestSupport
import XCTest

/// What the end-to-end tutor tests share: the built `ecslab`, the feature
/// lesson of the course tests, a fresh state folder, and an environment
/// that holds nothing from the machine running the tests.
struct TutorFixture {
    let ecslab: BuiltExecutable
    let moto: String
    let state: URL
    let region: String

    init(region: String) throws {
        ecslab = try BuiltExecutable("ecslab")
        moto = try TestEnvironment.motoURL()
        state = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        self.region = region
    }

    private init(ecslab: BuiltExecutable, moto: String, state: URL, region: String) {
        self.ecslab = ecslab
        self.moto = moto
        self.state = state
        self.region = region
    }

    /// The same learner (state folder) working in another region.
    func inRegion(_ other: String) -> TutorFixture {
        TutorFixture(ecslab: ecslab, moto: moto, state: state, region: other)
    }

    static var course: String {
        TestEnvironment.projectRoot.appendingPathComponent("Tests/CourseTests/Fixtures/feature").path
    }

    var arguments: [String] { ["--endpoint-url", moto, "--course", TutorFixture.course] }

    /// moto accepts any keys; the language settings are cleared so each test sets its own.
    var environment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": region,
            "XDG_STATE_HOME": state.path, "HOME": state.path, "TERM": "screen", "PATH": "/usr/bin:/bin",
            "ECSLAB_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "",
        ]
    }

    func terminal(_ extra: [String] = ["--lang", "en"]) throws -> TmuxTerminal {
        try TmuxTerminal(ecslab.url, arguments + extra, environment: environment.filter { !$0.value.isEmpty })
    }

    /// The aws CLI from the project virtualenv against the same server, for
    /// what a learner would do by hand; its text output, trimmed.
    @discardableResult
    func aws(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = try TestEnvironment.venvProgram("aws")
        process.arguments = arguments + ["--endpoint-url", moto, "--region", region, "--output", "text"]
        process.environment = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "HOME": state.path, "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "aws \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

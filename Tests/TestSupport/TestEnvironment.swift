import Foundation
import XCTest

/// What the test command (`scripts/test`) provides: moto servers, the project
/// virtualenv and the shared test data. Run by hand without them, tests that
/// need them skip; under the test command (`ECSLAB_TEST_REQUIRED=1`) a missing
/// piece fails instead, so CI can never pass by skipping.
public enum TestEnvironment {
    public static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The project's root folder, found from this file's path.
    public static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared test data: `../shared/testdata` next to the project, or the
    /// folder `ECSLAB_TESTDATA` names (which is how a test proves the suites
    /// fail without it). The suites are read in place, never copied in.
    public static var testdata: URL {
        if let folder = environment["ECSLAB_TESTDATA"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    }

    static var required: Bool { environment["ECSLAB_TEST_REQUIRED"] == "1" }

    /// Skips (or, under the test command, fails) when `thing` is not there.
    public static func need(_ thing: String, _ present: Bool) throws {
        if present { return }
        if required {
            XCTFail("\(thing) is missing, and the test command should have provided it")
            throw XCTSkip("\(thing) is missing")
        }
        throw XCTSkip("\(thing) is not available; run the tests with scripts/test")
    }

    /// A folder of the shared test data, e.g. `sigv4` or `jmespath`: without
    /// it the test skips, or under the test command fails.
    public static func testdata(_ name: String) throws -> URL {
        let url = testdata.appendingPathComponent(name)
        try need("\(url.path) (the shared test data)", isFolder(url))
        return url
    }

    /// A folder of the shared test data for a test that can also run without
    /// it (the fuzzer, which has its own seed corpus): nil when it is missing,
    /// except under the test command, which fails.
    public static func testdataIfPresent(_ name: String) throws -> URL? {
        let url = testdata.appendingPathComponent(name)
        if isFolder(url) { return url }
        if required { try need("\(url.path) (the shared test data)", false) }
        return nil
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The plain moto server's URL.
    public static func motoURL() throws -> String {
        let url = environment["ECSLAB_TEST_MOTO_URL"]
        try need("ECSLAB_TEST_MOTO_URL (a moto server)", url != nil)
        return url ?? ""
    }

    /// The moto server that verifies signatures after `motoAuthFreeCalls` requests.
    public static func motoAuthURL() throws -> String {
        let url = environment["ECSLAB_TEST_MOTO_AUTH_URL"]
        try need("ECSLAB_TEST_MOTO_AUTH_URL (a moto server with signature checks)", url != nil)
        return url ?? ""
    }

    /// The moto server the class-grading tests have to themselves: they
    /// reset it, build a class of learners' accounts on it and turn its IAM
    /// checks on, which would upset any other test sharing it.
    public static func motoClassURL() throws -> String {
        let url = environment["ECSLAB_TEST_MOTO_CLASS_URL"]
        try need("ECSLAB_TEST_MOTO_CLASS_URL (a moto server for a class of accounts)", url != nil)
        return url ?? ""
    }

    public static var motoAuthFreeCalls: Int {
        Int(environment["ECSLAB_TEST_MOTO_AUTH_FREE_CALLS"] ?? "") ?? 0
    }

    /// A program from the project virtualenv, e.g. `python` or `aws`.
    public static func venvProgram(_ name: String) throws -> URL {
        let venv = environment["ECSLAB_TEST_VENV"].map { URL(fileURLWithPath: $0) }
            ?? projectRoot.appendingPathComponent(".venv")
        let program = venv.appendingPathComponent("bin/\(name)")
        try need("\(program.path) (the project virtualenv)", FileManager.default.isExecutableFile(atPath: program.path))
        return program
    }

    /// This process's environment naming the project virtualenv (`ECSLAB_VENV`),
    /// for commands that start their own local AWS.
    public static func venvEnvironment() throws -> [String: String] {
        let moto = try venvProgram("moto_server")
        var environment = ProcessInfo.processInfo.environment
        environment["ECSLAB_VENV"] = moto.deletingLastPathComponent().deletingLastPathComponent().path
        return environment
    }

    /// A new empty folder of the test's own under the temporary folder.
    public static func temporaryFolder(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import AWS
import Course
import Foundation
import JSON
import Sandbox
import Synchronization
import TestSupport
import XCTest

/// A sandbox server of a test's own (in a temporary state directory), the
/// course engine's account on it, and every notice the sandbox printed.
final class SandboxFixture: Sendable {
    let state: StateDirectory
    let session: SandboxSession
    let account: SandboxAccount
    let model: ModelAccount
    let transport: CurlTransport
    static func venvEnvironment() throws -> [String: String] {
        try TestEnvironment.venvEnvironment()
    }

    static func temporaryState() throws -> StateDirectory {
        StateDirectory(url: try TestEnvironment.temporaryFolder("ecslab-sandbox-test"))
    }

    init(appFolder: URL? = nil) async throws {
        var environment = try Self.venvEnvironment()
        environment["ECSLAB_SANDBOX_APP"] = appFolder?.path
        environment.removeValue(forKey: "ECSLAB_SANDBOX_APP_IMAGE")
        state = try Self.temporaryState()
        session = try await SandboxSession.open(state: state, searchFrom: [], region: "ap-northeast-1", environment: environment)
        transport = CurlTransport()
        let aws = try AWSSession(configuration: session.configuration(), endpointOverride: session.endpoint, transport: transport)
        model = ModelAccount(client: aws.client, account: "123456789012", region: "ap-northeast-1")
        let box = LineBox()
        account = session.account(wrapping: model, notices: SandboxNotices(debug: true) { box.append($0) })
        lineBox = box
    }

    private let lineBox: LineBox

    var printed: [String] { lineBox.lines }

    func call(_ operation: String, _ input: JSON = [:]) async throws -> JSON {
        guard let name = OperationName(parsing: operation) else { throw XCTSkip("bad operation \(operation)") }
        return try await account.call(name, input: input)
    }

    func close() {
        session.close()
        try? FileManager.default.removeItem(at: state.url)
    }
}

/// Lines collected from any task.
final class LineBox: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

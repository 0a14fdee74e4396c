import AWS
import Course
import Foundation
import JSON

/// One command's use of the sandbox: the running server of its state
/// directory, or a server of its own that ends with the process.
public final class SandboxSession: Sendable {
    public let record: SandboxRecord
    /// Whether this command started the server (and so stops it).
    public let ownsServer: Bool
    public let region: String
    public let folder: URL
    let appFolder: String?
    let imagePattern: String
    /// How long a new NAT gateway stays pending (`NatGatewayProvisioning`).
    let natGatewaySeconds: Double

    /// Any key works with moto; fixed ones keep `sandbox env` stable.
    public static let accessKeyID = "ecslab-sandbox"
    public static let secretAccessKey = "ecslab-sandbox-secret"
    public static let defaultRegion = "ap-northeast-1"

    init(
        record: SandboxRecord, ownsServer: Bool, region: String, folder: URL, appFolder: String?, imagePattern: String,
        natGatewaySeconds: Double
    ) {
        self.record = record
        self.ownsServer = ownsServer
        self.region = region
        self.folder = folder
        self.appFolder = appFolder
        self.imagePattern = imagePattern
        self.natGatewaySeconds = natGatewaySeconds
    }

    /// Uses the running sandbox of `state`, or starts one for this process.
    /// - Parameter searchFrom: folders near which to look for `.venv`.
    /// - Parameter interactive: a server started here survives Ctrl-C at the
    ///   terminal (the tutor turns Ctrl-C into "stop waiting"); otherwise
    ///   Ctrl-C ends it together with the command.
    public static func open(
        state: StateDirectory, searchFrom: [URL], region: String?, interactive: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> SandboxSession {
        let server = try SandboxServer(state: state)
        server.reapOrphans()
        let region = region ?? Self.region(environment)
        let pattern = environment["ECSLAB_SANDBOX_APP_IMAGE"] ?? ""
        let app = environment["ECSLAB_SANDBOX_APP"].flatMap { $0.isEmpty ? nil : $0 }
        let natSeconds = NatGatewayProvisioning.seconds(environment)
        if let record = server.running() {
            return SandboxSession(
                record: record, ownsServer: false, region: region, folder: server.folder,
                appFolder: app ?? record.appFolder ?? courseApp(searchFrom.first), imagePattern: pattern,
                natGatewaySeconds: natSeconds)
        }
        let venv = try VirtualEnvironment.locate(environment: environment, near: searchFrom)
        let owned = SandboxServer.ownedFiles(in: server.folder, owner: getpid())
        let record = try await SandboxServer.launch(
            venv: venv, log: owned.log, appFolder: app ?? courseApp(searchFrom.first),
            detachment: interactive ? .processGroup : .none)
        let session = SandboxSession(
            record: record, ownsServer: true, region: region, folder: server.folder, appFolder: record.appFolder,
            imagePattern: pattern, natGatewaySeconds: natSeconds)
        try? record.write(to: owned.record)
        SandboxExit.register(session)
        return session
    }

    /// The course's own app (`lessons/*/app/app.js`), which the learner builds on.
    static func courseApp(_ courseFolder: URL?) -> String? {
        guard let lessons = courseFolder?.appendingPathComponent("lessons"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: lessons.path)
        else { return nil }
        return names.sorted().map { lessons.appendingPathComponent($0).appendingPathComponent("app") }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("app.js").path) }?.path
    }

    static func region(_ environment: [String: String]) -> String {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return defaultRegion
    }

    public var endpoint: Endpoint {
        get throws { try Endpoint(parsing: record.url) }
    }

    /// What the aws CLI and boto3 need to reach this server, as variables.
    public var variables: [(name: String, value: String)] {
        [
            ("AWS_ENDPOINT_URL", record.url), ("AWS_ACCESS_KEY_ID", Self.accessKeyID),
            ("AWS_SECRET_ACCESS_KEY", Self.secretAccessKey), ("AWS_REGION", region), ("AWS_DEFAULT_REGION", region),
        ]
    }

    /// The AWS configuration of the sandbox: its keys and region only, never
    /// the user's profiles, so a sandbox run cannot reach a real account.
    public func configuration() throws -> AWSConfiguration {
        try AWSConfiguration.load(
            environment: Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0.value) }), homeDirectory: nil)
    }

    var taskStore: SimulatedTaskStore { SimulatedTaskStore(folder: folder, serverPID: record.pid) }

    public func taskSimulator(notices: SandboxNotices) -> TaskSimulator {
        TaskSimulator(
            store: taskStore, launcher: AppLauncher(appFolder: appFolder), imagePattern: imagePattern, logFolder: folder,
            notices: notices)
    }

    /// The course engine's account with the quirks absorbed and the simulations on.
    public func account(wrapping base: any AccountAPI, notices: SandboxNotices) -> SandboxAccount {
        SandboxAccount(base: base, tasks: taskSimulator(notices: notices), natGatewaySeconds: natGatewaySeconds, notices: notices)
    }

    public func prober(base: any HTTPProber, account: SandboxAccount) -> SandboxProber {
        let tasks = account.tasks
        let api = account.base
        return SandboxProber(base: base, store: taskStore) { try await tasks.sync(api) }
    }

    /// Ends a server this command started, with its simulated containers.
    public func close() {
        guard ownsServer else { return }
        taskStore.stopAll()
        ChildProcess(pid: record.pid).stop()
        let owned = SandboxServer.ownedFiles(in: folder, owner: getpid())
        try? FileManager.default.removeItem(at: owned.log)
        try? FileManager.default.removeItem(at: owned.record)
    }
}

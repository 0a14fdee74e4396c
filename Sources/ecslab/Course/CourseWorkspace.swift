import AWS
import Course
import Foundation
import JSON
import Sandbox

/// What a course command works with: the lessons and checks, the account
/// they run against, and the learner's ledger and progress there.
struct CourseWorkspace {
    let content: CourseContent
    let language: Language
    let session: AWSSession
    let identity: CallerIdentity
    let account: any AccountAPI
    let ledger: Ledger
    let progressStore: ProgressStore
    var progress: LearnerProgress
    /// Who created what: the tag that scopes teardown to this learner.
    let owner: String
    let transport: any HTTPTransport
    /// The folder the lessons were loaded from.
    let courseFolder: URL
    /// The endpoint every call goes to, when one was given (the sandbox).
    let endpoint: Endpoint?
    /// The local AWS, with `--sandbox`; kept here so a server this command
    /// started lives as long as the workspace's command.
    var sandbox: SandboxSession? = nil
    var sandboxAccount: SandboxAccount? = nil

    /// The course folder: `--course`, then `ECSLAB_COURSE`, then the nearest
    /// folder holding `lessons/` above the executable, then the current one.
    static func courseFolder(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option { return URL(fileURLWithPath: option) }
        if let variable = environment["ECSLAB_COURSE"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("lessons").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Loads the course; a lesson file with errors is reported and left out.
    static func loadCourse(_ options: GlobalOptions) -> CourseLoader.Result {
        let result = CourseLoader(root: courseFolder(options.course)).load()
        for diagnostic in result.diagnostics {
            Console.error("ecslab: \(diagnostic)")
        }
        return result
    }

    /// - Parameter interactive: for the tutor, whose Ctrl-C only stops a wait.
    static func open(_ options: GlobalOptions, state: StateDirectory = StateDirectory(), interactive: Bool = false) async throws -> CourseWorkspace {
        let language = try options.language()
        let folder = courseFolder(options.course)
        let content = loadCourse(options).content
        let sandbox =
            options.sandbox
            ? try await SandboxSession.open(state: state, searchFrom: [folder, ExecutableFolder.url], region: options.region, interactive: interactive)
            : nil
        if let sandbox, sandbox.ownsServer, state == StateDirectory() {
            Console.error("ecslab: no sandbox was running, so this command uses its own, which ends with it; keep one with ecslab sandbox start.")
        }
        var configuration = try sandbox?.configuration() ?? AWSConfiguration.loadForCurrentProcess(profile: options.profile)
        if let region = options.region { configuration.region = region }
        let endpoint = try sandbox?.endpoint ?? options.endpointURL.map { try Endpoint(parsing: $0) }
        let transport = CurlTransport()
        let session = try AWSSession(
            configuration: configuration, endpointOverride: endpoint, debugLog: options.debug ? .standardError() : nil,
            transport: transport)
        let identity = try await session.callerIdentity()
        let modelAccount = ModelAccount(client: session.client, account: identity.account, region: session.region)
        let sandboxAccount = sandbox?.account(wrapping: modelAccount, notices: .standardError(debug: options.debug, language: language))
        let account: any AccountAPI = sandboxAccount ?? modelAccount
        let ledger = try Ledger(state: state, account: identity.account, region: session.region)
        let progressStore = try ProgressStore(state: state, account: identity.account, region: session.region)
        return CourseWorkspace(
            content: content, language: language, session: session, identity: identity, account: account, ledger: ledger,
            progressStore: progressStore, progress: try progressStore.load(), owner: Self.owner(of: identity.arn),
            transport: transport, courseFolder: folder, endpoint: endpoint, sandbox: sandbox, sandboxAccount: sandboxAccount)
    }

    /// The last part of the caller's ARN: a user name, or a role's session name.
    static func owner(of arn: String) -> String {
        ARN(arn)?.lastName ?? arn
    }


    func lesson(_ id: String) throws -> Lesson {
        guard let lesson = content.lesson(id) else {
            let known = content.lessons.map(\.id).joined(separator: ", ")
            throw CommandFailure.usage("There is no lesson '\(id)'. The lessons are: \(known).")
        }
        return lesson
    }

    func scope(for lesson: Lesson, overrides: [String: String]) -> VariableScope {
        let builtIns: [String: JSON] = [
            "account": .string(identity.account), "region": .string(session.region), "owner": .string(owner),
            "course": .string(CourseTags.courseValue), "lesson": .string(lesson.id),
            "endpoint": .string(endpoint?.url ?? ""), "course_dir": .string(courseFolder.path),
        ]
        return VariableScope(lesson: lesson, builtIns: builtIns, overrides: overrides, progress: progress)
    }

    func checkRunner() -> CheckRunner {
        let prober: any HTTPProber = TransportProber(transport: transport)
        var runner = CheckRunner(
            api: account, prober: sandbox.flatMap { sandbox in sandboxAccount.map { sandbox.prober(base: prober, account: $0) } } ?? prober)
        runner.quizAnswers = progress.quizAnswers
        runner.recordedPasses = progress.recordedPasses
        runner.content = content
        return runner
    }

    func stepRunner() -> StepRunner {
        var runner = StepRunner(api: account, ledger: ledger, checks: checkRunner(), owner: owner)
        runner.teardown = teardown()
        runner.local = LocalRunner(courseFolder: courseFolder)
        return runner
    }

    func reconciler(overrides: [String: String] = [:]) -> LedgerReconciler {
        let workspace = self
        return LedgerReconciler(api: account, ledger: ledger, content: content) { lesson in
            workspace.scope(for: lesson, overrides: overrides)
        }
    }

    func teardown() -> Teardown {
        Teardown(api: account, ledger: ledger, owner: owner, reconciler: reconciler())
    }

    mutating func saveProgress() throws {
        try progressStore.save(progress)
    }

    /// `--set name=value` pairs.
    static func overrides(_ pairs: [String]) throws -> [String: String] {
        var overrides: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandFailure.usage("--set takes name=value, not \(pair).")
            }
            overrides[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return overrides
    }
}

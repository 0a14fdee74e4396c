import AWS
import Course
import Foundation
import JSON
import Sandbox
import Terminal

/// What every action works with: the lessons and checks, the account they
/// run against, the learner's ledger and progress there, and where the
/// words go. Every runner is built here from `account`, so wrapping the
/// account once (`wrappingAccount`) reaches every nested user of it.
public struct Workspace: Sendable {
    public let content: CourseContent
    public private(set) var language: Language
    public let options: WorkspaceOptions
    public let console: Console
    /// The AWS session every call is signed and sent with.
    public let aws: AWSSession
    public let identity: CallerIdentity
    public private(set) var account: any AccountAPI
    public let ledger: Ledger
    public let progressStore: ProgressStore
    public var progress: LearnerProgress
    /// Who created what: the tag that scopes teardown to this learner.
    public let owner: String
    public let transport: any HTTPTransport
    /// The folder the lessons were loaded from.
    public let courseFolder: URL
    /// The endpoint every call goes to, when one was given (the sandbox).
    public let endpoint: Endpoint?
    /// The local AWS, with `--sandbox`; kept here so a server this command
    /// started lives as long as the workspace's command.
    public let sandbox: SandboxSession?
    public let sandboxAccount: SandboxAccount?
    public let state: StateDirectory

    /// - Parameter interactive: for the tutor, whose Ctrl-C only stops a wait.
    public static func open(
        _ options: WorkspaceOptions, state: StateDirectory = StateDirectory(), interactive: Bool = false, console: Console = .standard
    ) async throws -> Workspace {
        let language = options.language
        let folder = CourseFolder.locate(options.course)
        let sandbox =
            options.sandbox
            ? try await SandboxSession.open(
                state: state, searchFrom: [folder, ExecutableFolder.url], region: options.region, interactive: interactive,
                environment: options.environment)
            : nil
        if let sandbox, sandbox.ownsServer, state == StateDirectory() {
            console.error("ecslab: " + TutorText.ownSandbox(language))
        }
        var configuration = try sandbox?.configuration() ?? options.awsConfiguration()
        if let region = options.region { configuration.region = region }
        let endpoint = try sandbox?.endpoint ?? options.endpointURL.map { try Endpoint(parsing: $0) }
        let transport = CurlTransport()
        let aws = try AWSSession(
            configuration: configuration, endpointOverride: endpoint, debugLog: options.debug ? .standardError() : nil,
            transport: transport)
        // Who the credentials are is asked while the course loads: over a
        // far link the answer takes longer than reading the lessons does.
        async let asked = aws.callerIdentity()
        let content = CourseFolder.load(options.course, console: console, naming: options.lesson)
        let identity = try await asked
        let modelAccount = ModelAccount(client: aws.client, account: identity.account, region: aws.region)
        let sandboxAccount = sandbox?.account(wrapping: modelAccount, notices: .standardError(debug: options.debug, language: language))
        let ledger = try Ledger(state: state, account: identity.account, region: aws.region)
        let progressStore = try ProgressStore(state: state, account: identity.account, region: aws.region)
        return Workspace(
            content: content.priced(in: aws.region), language: language, options: options, console: console, aws: aws, identity: identity,
            account: sandboxAccount ?? modelAccount, ledger: ledger, progressStore: progressStore, progress: try progressStore.load(),
            owner: ARN(identity.arn)?.lastName ?? identity.arn, transport: transport, courseFolder: folder, endpoint: endpoint,
            sandbox: sandbox, sandboxAccount: sandboxAccount, state: state)
    }

    /// The same workspace, every call going through `wrap`'s account: a
    /// spinner, a counter or a recorder, for every runner built from it.
    public func wrappingAccount(_ wrap: (any AccountAPI) -> any AccountAPI) -> Workspace {
        var copy = self
        copy.account = wrap(account)
        return copy
    }

    /// Speaks `language` from now on, and so does the sandbox.
    public mutating func speak(_ language: Language) {
        self.language = language
        sandboxAccount?.speak(language)
    }

    public func lesson(_ id: String) throws -> Lesson {
        try Self.lesson(id, in: content, language: language)
    }

    /// The lesson `id` of `content`, or the one sentence that says why there is none.
    public static func lesson(_ id: String, in content: CourseContent, language: Language) throws -> Lesson {
        if let problem = content.loadProblem(ofLesson: id) {
            throw CommandFailure.usage(TutorText.lessonNotLoaded(language, ["lesson": id, "problem": "\(problem)"]))
        }
        guard let lesson = content.lesson(id) else {
            throw CommandFailure.usage(TutorText.unknownLesson(language, ["lesson": id, "known": content.lessons.map(\.id).joined(separator: ", ")]))
        }
        return lesson
    }

    public func step(_ id: String, of lesson: Lesson) throws -> Step {
        guard let step = lesson.step(id) else {
            throw CommandFailure.usage(
                TutorText.unknownStep(language, ["lesson": lesson.id, "step": id, "known": lesson.steps.map(\.id).joined(separator: ", ")]))
        }
        return step
    }

    public func scope(for lesson: Lesson, overrides: [String: String]) -> VariableScope {
        let builtIns: [String: JSON] = [
            "account": .string(identity.account), "region": .string(aws.region), "owner": .string(owner),
            "course": .string(CourseTags.courseValue), "lesson": .string(lesson.id),
            "endpoint": .string(endpoint?.url ?? ""), "course_dir": .string(courseFolder.path),
        ]
        // The names the learner gave in the tutor, unless this command sets them again.
        let names = progress.names.merging(overrides) { _, given in given }
        return VariableScope(lesson: lesson, builtIns: builtIns, overrides: names, progress: progress, content: content)
    }

    public func checkRunner() -> CheckRunner {
        let prober: any HTTPProber = TransportProber(transport: transport)
        var runner = CheckRunner(
            api: account, prober: sandbox.flatMap { sandbox in sandboxAccount.map { sandbox.prober(base: prober, account: $0) } } ?? prober)
        runner.files = FileProbeReader(paths: paths)
        runner.tools = tools
        runner.quizAnswers = progress.quizAnswers
        runner.gradesQuizzes = progressStore.exists || !progress.quizAnswers.isEmpty
        runner.recordedPasses = progress.recordedPasses
        runner.content = content
        return runner
    }

    public func stepRunner() -> StepRunner {
        var runner = StepRunner(api: account, ledger: ledger, checks: checkRunner(), owner: owner)
        runner.teardown = teardown()
        if options.timer { runner.timer = ExpiryTimer(api: account, ledger: ledger, owner: owner) }
        runner.local = LocalRunner(
            courseFolder: courseFolder, paths: paths, logFolder: (try? state.folder("logs")) ?? FileManager.default.temporaryDirectory,
            environment: options.environment)
        return runner
    }

    public func reconciler(overrides: [String: String] = [:]) -> LedgerReconciler {
        let workspace = self
        return LedgerReconciler(api: account, ledger: ledger, content: content) { lesson in
            workspace.scope(for: lesson, overrides: overrides)
        }
    }

    public func teardown() -> Teardown {
        Teardown(api: account, ledger: ledger, owner: owner, reconciler: reconciler())
    }

    /// Plans a cleanup from the ledger and the tags. With `settling`, ledger
    /// entries a crash left open are settled first (which may repeat their
    /// create call with its token): never for a dry run.
    public func cleanupPlanner(settling: Bool) -> CleanupPlanner {
        let workspace = self
        var planner = CleanupPlanner(
            api: account, ledger: LedgerInventory(ledger: ledger, reconciler: settling ? reconciler() : nil), content: content,
            scope: { lesson in workspace.scope(for: lesson, overrides: [:]) })
        let prices = content.prices
        let region = aws.region
        planner.hourlyCost = { resource in prices.usdPerHour(of: resource, region: region) }
        return planner
    }

    public func cleanupRun() -> CleanupRun {
        CleanupRun(api: account, ledger: ledger)
    }

    public mutating func saveProgress() throws {
        try progressStore.save(progress)
    }

    /// Where `~` and relative paths lead: `$HOME` of the environment the
    /// workspace was opened with, and the folder ecslab was started in.
    public var paths: PathResolver { PathResolver(environment: options.environment) }

    /// Whether instances in the account register with ECS by themselves: on
    /// AWS they do, the sandbox simulates it, and a plain local AWS never does.
    /// What this machine and account have, for steps and checks that need a tool.
    public var tools: LocalTools { LocalTools(accountHasECSAgent: hasECSAgent) }

    public var hasECSAgent: Bool {
        if sandbox != nil { return true }
        return Self.hasECSAgent(configuration: aws.configuration, region: aws.region, endpoint: endpoint)
    }

    /// Whether the account these settings reach is AWS itself rather than a
    /// plain local AWS: `--endpoint-url`, and `AWS_ENDPOINT_URL` or a
    /// profile's `endpoint_url` on loopback, are local.
    public static func hasECSAgent(configuration: AWSConfiguration, region: String, endpoint: Endpoint?) -> Bool {
        if endpoint != nil { return false }
        let ecs = try? configuration.endpointResolver.resolve(serviceID: "ECS", endpointPrefix: "ecs", region: region)
        return !(ecs.map { $0.source != .awsDefault && $0.endpoint.isLoopback } ?? false)
    }

    /// The hourly cost of what the tutor created and has not torn down.
    public var runningCost: Double {
        ((try? ledger.live()) ?? []).reduce(0) { $0 + $1.usdPerHour }
    }
}

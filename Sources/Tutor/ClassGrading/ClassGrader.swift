import AWS
import Course
import Foundation
import JSON

/// Grades every learner of a roster from their AWS account alone, up to
/// `jobs` at once. Each learner has a session, a pace and a time limit of
/// their own: an account that cannot be reached, refuses, throttles or
/// hangs is reported for that learner and stops no one else. Every call
/// goes through the grader policy, so the grader reads and never changes.
public struct ClassGrader: Sendable {
    public var content: CourseContent
    /// The folder the check files were read from, for their versions.
    public var courseFolder: URL
    /// As `--lessons` named them; empty means every lesson.
    public var lessons: [String]
    public var language: Language
    /// The grader's own session: what roles are assumed with. Nil when the
    /// grader has no credentials of their own, which a roster of profiles
    /// alone does not need.
    public var grader: AWSSession?
    /// Why the grader has no session of their own, for the roster row that needs one.
    var noCredentials: CredentialsError?
    /// The grader's region: that of learners who have none.
    public var region: String
    /// Where profile rows find their profiles, and the endpoint every
    /// learner's calls go to when one was given.
    public var options: WorkspaceOptions
    public var endpoint: Endpoint?
    public var transport: any HTTPTransport
    /// Whether instances register with ECS by themselves there: not on a plain local AWS.
    public var accountHasECSAgent: Bool
    public var jobs: Int
    public var timeoutSeconds: Double = 300
    /// Calls a second to one account, before any throttling slows it.
    public var callsPerSecond: Double = 50
    public var trace: CallTrace?
    /// Told as each learner is done, with how many are done of how many.
    public var progress: @Sendable (LearnerGrade, _ done: Int, _ of: Int) -> Void = { _, _, _ in }

    public init(
        content: CourseContent, courseFolder: URL, lessons: [String], language: Language, grader: AWSSession?, region: String,
        options: WorkspaceOptions, endpoint: Endpoint?, transport: any HTTPTransport, accountHasECSAgent: Bool, jobs: Int
    ) {
        self.content = content
        self.courseFolder = courseFolder
        self.lessons = lessons
        self.language = language
        self.grader = grader
        self.region = region
        self.options = options
        self.endpoint = endpoint
        self.transport = transport
        self.accountHasECSAgent = accountHasECSAgent
        self.jobs = max(1, jobs)
    }

    /// The checks an account grade holds: the columns of every report.
    public var checks: [Check] { content.accountChecks(of: lessons) }

    public func grade(_ roster: [RosterEntry], shard: RosterShard? = nil) async -> ClassGrade {
        let entries = roster.filter { shard?.contains($0) ?? true }
        let columns = checks
        let policy = GraderPolicy(checks: columns, content: content)
        var gradedLessons: [String] = []
        for check in columns where !gradedLessons.contains(check.lesson) { gradedLessons.append(check.lesson) }
        let provenance = GradeProvenance(
            ecslabVersion: ECSLabVersion.current, checkFiles: checkFileVersions(of: columns), gradedAt: Self.timestamp(Date()), region: region,
            language: language, lessons: gradedLessons, shard: shard?.description)
        var graded: [LearnerGrade] = []
        await withTaskGroup(of: LearnerGrade.self) { group in
            var pending = entries[...]
            func startNext() {
                guard let entry = pending.popFirst() else { return }
                group.addTask { await self.gradeWithinTime(entry, columns: columns, policy: policy) }
            }
            for _ in 0..<min(jobs, entries.count) { startNext() }
            while let learner = await group.next() {
                graded.append(learner)
                progress(learner, graded.count, entries.count)
                startNext()
            }
        }
        return ClassGrade(
            provenance: provenance, checks: columns.map { GradedCheck(id: $0.id, lesson: $0.lesson, title: $0.title[language], points: $0.points) },
            learners: graded.sorted { $0.rosterIndex < $1.rosterIndex })
    }

    private func gradeWithinTime(_ entry: RosterEntry, columns: [Check], policy: GraderPolicy) async -> LearnerGrade {
        let started = Date()
        let region = entry.region ?? self.region
        let timeout = timeoutSeconds
        let outcome = await Deadline.race(seconds: timeout) {
            await self.gradeLearner(entry, region: region, started: started, columns: columns, policy: policy)
        }
        return outcome
            ?? notGraded(entry, region: region, started: started, reason: TutorText.gradeTimedOut(language, ["seconds": String(Int(timeout))]))
    }

    private func gradeLearner(_ entry: RosterEntry, region: String, started: Date, columns: [Check], policy: GraderPolicy) async -> LearnerGrade {
        let session: AWSSession
        let identity: CallerIdentity
        do {
            session = try open(entry, region: region)
            identity = try await session.callerIdentity()
        } catch {
            return notGraded(entry, region: region, started: started, reason: TutorText.gradeUnreachable(language, ["reason": CommandFailure.from(error, language: language).message]))
        }
        var account: any AccountAPI = ModelAccount(client: session.client, account: identity.account, region: session.region)
        account = PacedAccount(inner: account, pace: AccountPace(rate: callsPerSecond))
        account = PolicyBoundAccount(account, policy: policy)
        // Outermost, so the trace holds every call a check asked for, a
        // refused one too: the proof is of what grading tried, not only of
        // what got through.
        if let trace { account = TracingAccount(inner: account, trace: trace, learner: entry.id) }
        var runner = CheckRunner(api: account, prober: TransportProber(transport: transport))
        runner.tools = LocalTools(accountHasECSAgent: accountHasECSAgent)
        runner.gradesQuizzes = false
        runner.content = content
        let batches = content.lessons.compactMap { lesson -> (checks: [Check], scope: VariableScope)? in
            let members = columns.filter { $0.lesson == lesson.id }
            guard !members.isEmpty else { return nil }
            return (members, scope(for: lesson, entry: entry, identity: identity, region: session.region))
        }
        // An instructor grades after the fact: nothing is left to settle.
        let run = await runner.run(batches, all: content.checks, patient: false)
        let byID = Dictionary(run.results.map { ($0.check.id, $0) }, uniquingKeysWith: { first, _ in first })
        let results = columns.compactMap { byID[$0.id].map { LearnerCheckResult($0, language: language) } }
        var learner = LearnerGrade(
            id: entry.id, name: entry.name, rosterIndex: entry.index, account: identity.account, region: session.region,
            gradedAt: Self.timestamp(started), outcome: .graded, results: results, lookups: run.lookups, reads: run.reads)
        // An account whose every read was refused was not graded: it is not a zero.
        let counted = results.filter { $0.status != .notApplicable }
        if !counted.isEmpty, counted.allSatisfy({ $0.status == .error || $0.status == .skipped }),
            let refused = counted.first(where: { $0.status == .error })
        {
            learner.outcome = .notGraded(reason: TutorText.gradeNoAccess(language, ["reason": refused.message ?? ""]))
            learner.results = []
        }
        return learner
    }

    /// The learner's session: their profile, or their role assumed with the
    /// grader's credentials (or with a profile's, when the row names both).
    func open(_ entry: RosterEntry, region: String) throws -> AWSSession {
        let sessionName = "ecslab-grader"
        switch entry.access {
        case .profile(let profile):
            return try profileSession(profile, region: region)
        case .role(let arn, let externalID, let sourceProfile):
            guard let source = try sourceProfile.map({ try profileSession($0, region: region) }) ?? grader else {
                throw CommandFailure.usage("the grader has no AWS credentials of their own to assume \(arn) with")
            }
            return try source.assumingRole(arn, externalID: externalID, sessionName: sessionName, region: region)
        }
    }

    private func profileSession(_ profile: String, region: String) throws -> AWSSession {
        var profileOptions = options
        profileOptions.profile = profile
        var configuration = try profileOptions.awsConfiguration()
        configuration.region = region
        return try AWSSession(configuration: configuration, endpointOverride: endpoint, transport: transport)
    }

    private func scope(for lesson: Lesson, entry: RosterEntry, identity: CallerIdentity, region: String) -> VariableScope {
        let builtIns: [String: JSON] = [
            "account": .string(identity.account), "region": .string(region), "owner": .string(ARN(identity.arn)?.lastName ?? identity.arn),
            "course": .string(CourseTags.courseValue), "lesson": .string(lesson.id), "endpoint": .string(endpoint?.url ?? ""),
            "course_dir": .string(courseFolder.path),
        ]
        return VariableScope(lesson: lesson, builtIns: builtIns, overrides: entry.variables, progress: LearnerProgress(), content: content)
    }

    private func notGraded(_ entry: RosterEntry, region: String, started: Date, reason: String) -> LearnerGrade {
        LearnerGrade(
            id: entry.id, name: entry.name, rosterIndex: entry.index, account: nil, region: region, gradedAt: Self.timestamp(started),
            outcome: .notGraded(reason: reason), results: [])
    }

    /// Each check file the columns come from, with the SHA-256 of its bytes.
    private func checkFileVersions(of columns: [Check]) -> [CheckFileVersion] {
        var files: [String] = []
        for check in columns where !files.contains(check.location.file) { files.append(check.location.file) }
        return files.map { file in
            let url = URL(fileURLWithPath: file, relativeTo: courseFolder)
            let bytes = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
            let digest = SHA256.hash(bytes).map { String(format: "%02x", $0) }.joined()
            let base = courseFolder.standardizedFileURL.path + "/"
            let shown = url.standardizedFileURL.path.hasPrefix(base) ? String(url.standardizedFileURL.path.dropFirst(base.count)) : file
            return CheckFileVersion(path: shown, sha256: "sha256:" + digest)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

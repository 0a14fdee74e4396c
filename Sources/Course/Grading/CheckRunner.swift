import Foundation
import JMESPath
import JSON

/// Runs checks against an account: reads, evaluates assertions, skips what
/// depends on a failure, waits for AWS to settle where a check allows it, and
/// scores the result. It only ever reads: every operation a check names was
/// refused at load time unless it is a read, and is refused again here.
public struct CheckRunner: Sendable {
    public enum Event: Sendable {
        case started(Check)
        /// An `eventually` check is waiting for AWS to settle.
        case waiting(Check, remainingSeconds: Int)
        case finished(CheckResult)
    }

    public var api: any AccountAPI
    public var prober: any HTTPProber
    public var files = FileProbeReader()
    /// The learner's quiz answers, `lesson/step` to the choice from 0.
    public var quizAnswers: [String: Int] = [:]
    /// Whether the learner's own answers are here: an account graded without
    /// their progress reports quizzes as not graded, outside its score.
    public var gradesQuizzes = true
    /// The course, for the quiz checks' right answers.
    public var content: CourseContent?
    /// What this machine has, for checks that need a tool.
    public var tools: any ToolAvailability = LocalTools()
    /// Checks that passed before a teardown step deleted what they look at.
    public var recordedPasses: Set<String> = []
    /// How many independent reads are made at once before the checks are
    /// judged; 1 reads one after another as each check asks.
    public var readConcurrency = 8
    /// Seconds between tries of an `eventually` check.
    public var retryInterval: Double = 5
    public var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
    public var now: @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }

    public init(api: any AccountAPI, prober: any HTTPProber) {
        self.api = api
        self.prober = prober
    }

    /// Runs `checks` and every check they depend on, dependencies first.
    /// Identical read calls within the run are made once.
    /// With `patient: false`, `eventually` checks are judged at once: before
    /// a step runs, there is nothing to wait for.
    public func run(
        _ checks: [Check], all: [Check], scope: VariableScope, patient: Bool = true, observe: @Sendable (Event) -> Void = { _ in }
    ) async -> [CheckResult] {
        await run([(checks, scope)], all: all, patient: patient, observe: observe).results
    }

    /// Runs several lessons' checks, each in its lesson's scope, as one run:
    /// a lookup that several lessons need (the course VPC) is made once.
    public func run(
        _ lessons: [(checks: [Check], scope: VariableScope)], all: [Check], patient: Bool = true,
        observe: @Sendable (Event) -> Void = { _ in }
    ) async -> CheckRun {
        var cache = ReadCache()
        let ahead = await judgeAhead(lessons, all: all, patient: patient, cache: &cache)
        var lookups = LookupResolver(content: content, api: api)
        var results: [String: CheckResult] = [:]
        var ordered: [CheckResult] = []
        for (checks, lessonScope) in lessons {
            // A grade comes from AWS alone: what the tutor saved is never read.
            let scope = lessonScope.withoutSaved
            for unfilled in CheckRunner.withDependencies(checks, all: all) where results[unfilled.id] == nil {
                if let known = ahead.results[unfilled.id] {
                    observe(.started(known.check))
                    observe(.finished(known))
                    results[unfilled.id] = known
                    ordered.append(known)
                    continue
                }
                let result = await judge(
                    unfilled, scope: scope, patient: patient, results: results, cache: &cache, lookups: &lookups, observe: observe)
                results[unfilled.id] = result
                ordered.append(result)
            }
        }
        let made = ahead.lookups.union(lookups.outcomes.keys).count
        return CheckRun(results: ordered, lookups: made, reads: cache.reads, rounds: ahead.rounds)
    }

    /// Judges ahead what can be judged with reads made together. A planning
    /// pass judges every check whose reads are in and notes the reads the
    /// others need (a lookup's read needs the values of the lookups it
    /// names); up to `readConcurrency` of them are in flight at any time, a
    /// lookup's read ahead of the checks' own, since chains run through
    /// lookups, and the next pass runs once they are all in. Over a far link the run takes about as long
    /// as its longest chain of dependent reads, or its reads divided by the
    /// bound, whichever is more.
    ///
    /// A check is judged only after the checks it depends on, but its reads
    /// are made with theirs. A failure that an `eventually` check may yet
    /// wait out is left to the run. Returns the checks judged, the lookups
    /// made for them, and the longest chain of reads that waited on each other.
    private func judgeAhead(
        _ lessons: [(checks: [Check], scope: VariableScope)], all: [Check], patient: Bool, cache: inout ReadCache
    ) async -> (results: [String: CheckResult], lookups: Set<LookupResolver.Key>, rounds: Int) {
        guard readConcurrency > 1 else { return ([:], [], 0) }
        var judging = AheadJudging()
        let api = self.api
        let limit = readConcurrency
        return await withTaskGroup(of: (answer: ReadCache.Answer, depth: Int).self) { group in
            var queue: [(wanted: ReadCache.Wanted, depth: Int)] = []
            var running = 0
            // How deep in a chain the answer just in was: what the pass after
            // it wants for the first time was waiting on it.
            var arrivedDepth = 0
            var longest = 0
            // A chain is never longer than the course's lookups; the bound only guards a mistake.
            for _ in 0..<64 {
                await plan(lessons, all: all, patient: patient, cache: &cache, judging: &judging)
                let taken = cache.takeWanted().map { (wanted: $0, depth: arrivedDepth + 1) }
                arrivedDepth = 0
                // A lookup's read jumps the queue of the checks' own reads.
                queue = taken.filter(\.wanted.unlocksOthers) + queue + taken.filter { !$0.wanted.unlocksOthers }
                while running < limit, !queue.isEmpty {
                    let (wanted, depth) = queue.removeFirst()
                    group.addTask { (await ReadCache.answer(wanted, api: api), depth) }
                    running += 1
                }
                guard running > 0 else { break }
                // The next pass waits for every read of this one: which reads
                // a run makes must not hang on which answer came first, since
                // the grades of shards are compared with those of one run.
                while let (answer, depth) = await group.next() {
                    running -= 1
                    cache.keep(answer)
                    arrivedDepth = max(arrivedDepth, depth)
                    longest = max(longest, depth)
                    if !queue.isEmpty {
                        let (wanted, depth) = queue.removeFirst()
                        group.addTask { (await ReadCache.answer(wanted, api: api), depth) }
                        running += 1
                    }
                }
            }
            return (judging.judged, judging.made, longest)
        }
    }

    /// What judging ahead has come to so far.
    private struct AheadJudging {
        var judged: [String: CheckResult] = [:]
        var made: Set<LookupResolver.Key> = []
        var leftToTheRun: Set<String> = []
    }

    /// One planning pass: judges what the cached reads allow and notes in
    /// the cache the reads the rest want.
    private func plan(
        _ lessons: [(checks: [Check], scope: VariableScope)], all: [Check], patient: Bool, cache: inout ReadCache,
        judging: inout AheadJudging
    ) async {
        cache.planning = true
        defer { cache.planning = false }
        // Outcomes met before every read was in are not worth keeping.
        var lookups = LookupResolver(content: content, api: api)
        var waiting: Set<String> = []
        for (checks, lessonScope) in lessons {
            let scope = lessonScope.withoutSaved
            for check in CheckRunner.withDependencies(checks, all: all)
            where judging.judged[check.id] == nil && !judging.leftToTheRun.contains(check.id) {
                if check.dependsOn.contains(where: judging.leftToTheRun.contains) {
                    judging.leftToTheRun.insert(check.id)
                    continue
                }
                // Its reads are planned whatever its dependencies came to, as
                // when they are still waiting: which reads a run makes must not
                // hang on which answer came first (grades of shards are
                // compared with those of one run).
                if check.dependsOn.contains(where: { judging.judged[$0].map { $0.status != .passed } ?? false }) {
                    let unknown = judging.judged.filter { !check.dependsOn.contains($0.key) }
                    _ = await judge(check, scope: scope, patient: false, results: unknown, cache: &cache, lookups: &lookups, observe: { _ in })
                }
                cache.missed = false
                let result = await judge(
                    check, scope: scope, patient: false, results: judging.judged, cache: &cache, lookups: &lookups, observe: { _ in })
                if check.dependsOn.contains(where: waiting.contains) {
                    // Its reads are made with its dependencies', ahead of
                    // knowing whether it will be skipped: reads change
                    // nothing, and a finished lab needs them all.
                    waiting.insert(check.id)
                } else if cache.missed {
                    waiting.insert(check.id)
                } else if patient, check.eventuallySeconds != nil, result.status != .passed {
                    judging.leftToTheRun.insert(check.id)
                } else {
                    judging.judged[check.id] = result
                }
            }
        }
        judging.made.formUnion(lookups.outcomes.keys)
    }

    /// One check, after what it depends on has been judged.
    private func judge(
        _ unfilled: Check, scope: VariableScope, patient: Bool, results: [String: CheckResult], cache: inout ReadCache,
        lookups: inout LookupResolver, observe: @Sendable (Event) -> Void
    ) async -> CheckResult {
        // Texts name the learner's own values (`${vpc_name}`), not the
        // defaults; those found by lookups once they are found.
        let check = unfilled.filled(by: scope)
        observe(.started(check))
        let start = now()
        var result: CheckResult
        if case .quiz = check.source, !gradesQuizzes {
            result = CheckResult(
                check: check, status: .notApplicable,
                reason: LocalizedText(
                    zh: "这里不评分：测验是学员自己的回答，保存在他们的学习进度里，不在 AWS 账户里",
                    en: "not graded here: a quiz is the learner's own answer, kept with their progress, not in the AWS account"))
        } else if let missing = check.needs.first(where: { !tools.isAvailable($0) }) {
            result = CheckResult(check: check, status: .notApplicable, reason: CheckRunner.missingTool(missing))
        } else if let excused = check.dependsOn.compactMap({ results[$0] }).first(where: { $0.status == .notApplicable }) {
            result = CheckResult(check: check, status: .notApplicable, reason: excused.reason)
        } else if recordedPasses.contains(check.id) {
            result = CheckResult(
                check: check, status: .passed,
                reason: LocalizedText(zh: "已通过；之后为了节省费用，课程删除了它检查的资源", en: "passed, then the lesson deleted what it checks to save cost"),
                pointsEarned: Double(check.points))
        } else if let failed = check.dependsOn.first(where: { results[$0].map { $0.status != .passed && $0.status != .notApplicable } ?? false }) {
            result = CheckResult(
                check: check, status: .skipped,
                reason: LocalizedText(zh: "跳过：它依赖的检查 \(failed) 没有通过", en: "skipped: it depends on \(failed), which did not pass"))
        } else {
            var judged = unfilled
            if !patient { judged.eventuallySeconds = nil }
            result = await evaluate(judged, scope: scope, cache: &cache, lookups: &lookups, observe: observe)
        }
        result.durationSeconds = now() - start
        observe(.finished(result))
        return result
    }

    static func missingTool(_ tool: String) -> LocalizedText {
        switch tool {
        case "docker":
            return LocalizedText(zh: "跳过：这台机器上没有在运行的 Docker 引擎（docker info 没有回答）", en: "skipped: no Docker engine answers on this machine (docker info failed)")
        case "ecs-agent":
            return LocalizedText(
                zh: "跳过：这个端点（单独的 moto）上没有 ECS 代理注册实例；沙箱（--sandbox）会模拟它，真实的 AWS 也有",
                en: "skipped: no ECS agent registers instances on this endpoint (moto alone); the sandbox (--sandbox) simulates one, and AWS has one")
        default:
            return LocalizedText(zh: "跳过：这台机器上没有 \(tool)", en: "skipped: \(tool) is not on this machine")
        }
    }

    /// `checks` plus their dependencies, in an order where every check comes
    /// after what it depends on. Lint has already refused cycles; one that
    /// slips through is broken by visiting each check once.
    static func withDependencies(_ checks: [Check], all: [Check]) -> [Check] {
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var visited: Set<String> = []
        var ordered: [Check] = []
        func visit(_ check: Check) {
            guard visited.insert(check.id).inserted else { return }
            for dependency in check.dependsOn {
                if let other = byID[dependency] { visit(other) }
            }
            ordered.append(check)
        }
        for check in checks { visit(check) }
        return ordered
    }

    private func evaluate(
        _ unfilled: Check, scope base: VariableScope, cache: inout ReadCache, lookups: inout LookupResolver,
        observe: @Sendable (Event) -> Void
    ) async -> CheckResult {
        var check = unfilled.filled(by: base)
        let deadline = now() + Double(check.eventuallySeconds ?? 0)
        var fresh = false
        // Waits for AWS to settle before the next try; false when the
        // deadline has passed or the wait was cancelled.
        func settled(_ check: Check) async -> Bool {
            let remaining = deadline - now()
            guard remaining > 0 else { return false }
            observe(.waiting(check, remainingSeconds: Int(remaining.rounded(.up))))
            do {
                try await sleep(min(retryInterval, remaining))
            } catch {
                return false
            }
            fresh = true
            return true
        }
        while true {
            let scope: VariableScope
            switch await lookups.scope(for: unfilled, base: base, cache: &cache, fresh: fresh) {
            case .success(let found):
                scope = found
                check = unfilled.filled(by: found)
            case .failure(.unreadable(let text)): return CheckResult(check: check, status: .error, reason: text)
            case .failure(.missing(let text)):
                // What the check looks at is not there (yet): a finding about the lab.
                guard await settled(check) else { return CheckResult(check: check, status: .failed, reason: text) }
                continue
            }
            let document: JSON
            switch await read(check, scope: scope, cache: &cache, fresh: fresh) {
            case .success(let value): document = value
            case .failure(let problem):
                if case .unavailable = problem {
                    return CheckResult(check: check, status: .notApplicable, reason: problem.text)
                }
                return CheckResult(check: check, status: .error, reason: problem.text)
            }
            let assertions = assess(check, document: document, scope: scope)
            let passedCount = assertions.filter(\.passed).count
            if passedCount == assertions.count {
                return CheckResult(check: check, status: .passed, assertions: assertions, pointsEarned: Double(check.points))
            }
            if deadline - now() <= 0 {
                // The first assertion says whether the thing is there at all:
                // without it, the others passing by accident earn nothing.
                let gatePassed = assertions.first?.passed ?? false
                let share = assertions.isEmpty || !gatePassed ? 0 : Double(passedCount) / Double(assertions.count)
                let earned = (Double(check.points) * share * 100).rounded(.down) / 100
                return CheckResult(check: check, status: .failed, assertions: assertions, pointsEarned: earned)
            }
            // Cancelled: report what was found so far.
            guard await settled(check) else { return CheckResult(check: check, status: .failed, assertions: assertions) }
        }
    }

    private func assess(_ check: Check, document: JSON, scope: VariableScope) -> [AssertionResult] {
        let variables = CheckRunner.expressionVariables(scope)
        let evaluate: ComparisonEvaluator.Evaluate = { expression, value in
            try JMESPathExpression(expression).evaluate(value, variables: variables)
        }
        let comparator = ComparisonEvaluator(evaluate: evaluate, resolve: { template in try scope.resolve(template) })
        return check.assertions.map { assertion in
            do {
                let actual = try evaluate(assertion.expression, document)
                return AssertionResult(assertion: assertion, outcome: try comparator.compare(assertion.comparison, actual: actual))
            } catch let error as TemplateError {
                return AssertionResult(assertion: assertion, error: CheckProblem.missingValue(error).text)
            } catch {
                let detail = String(describing: error)
                return AssertionResult(
                    assertion: assertion,
                    error: LocalizedText(zh: "表达式 \(assertion.expression) 无法求值：\(detail)", en: "the expression \(assertion.expression) failed: \(detail)"))
            }
        }
    }

    /// Every value in scope, as JMESPath `$variables`: checks can write
    /// `Vpcs[?VpcId == $vpc_id]`.
    static func expressionVariables(_ scope: VariableScope) -> [String: JSON] {
        var variables = scope.builtIns
        for (name, value) in scope.variables { variables[name] = .string(value) }
        for (name, value) in scope.saved[scope.lesson] ?? JSONObject() { variables[name] = value }
        return variables
    }

    private func read(_ check: Check, scope: VariableScope, cache: inout ReadCache, fresh: Bool) async -> Result<JSON, CheckProblem> {
        switch check.source {
        case .reads(let calls):
            var document = JSONObject()
            for call in calls {
                let input: JSON
                do {
                    input = try scope.resolve(call.parameters)
                } catch {
                    return .failure(.missingValue(error))
                }
                switch await cache.response(to: call, input: input, api: api, fresh: fresh) {
                case .success(let response): document[call.name] = response
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(.object(document))
        case .http(let probe):
            let url: String
            do {
                guard let resolved = try scope.resolve(probe.url).stringValue else {
                    return .failure(.badURL("(not text)"))
                }
                url = resolved
            } catch {
                return .failure(.missingValue(error))
            }
            guard let host = ProbeTarget.host(of: url) else { return .failure(.badURL(url)) }
            guard ProbeTarget.isLoopback(host) || ProbeTarget.hostComesFromAWS(probe.url, scope: scope) else {
                return .failure(.forbiddenHost(host))
            }
            do {
                return .success(try await prober.get(url, timeoutSeconds: probe.timeoutSeconds))
            } catch let unavailable as ProbeUnavailable {
                return .failure(.unavailable(unavailable.reason))
            } catch {
                // Nothing answering is a finding about the app, not a broken check.
                return .success(["status": nil, "error": .string(String(describing: error)), "body": nil, "json": nil])
            }
        case .quiz(let lesson, let step):
            let right = content?.lesson(lesson)?.step(step)?.quiz?.answer
            guard let answer = quizAnswers["\(lesson)/\(step)"] else {
                return .success(["answered": false, "correct": false])
            }
            return .success(["answered": true, "correct": .bool(answer == right)])
        case .file(let probe):
            do {
                guard let path = try scope.resolve(probe.path).stringValue else { return .failure(.badURL("(not text)")) }
                return .success(files.read(path))
            } catch {
                return .failure(.missingValue(error))
            }
        }
    }
}

/// A run's results, and what it read to get them: the cost of grading.
public struct CheckRun: Sendable {
    public var results: [CheckResult]
    /// Lookups made, each once however many checks needed it.
    public var lookups: Int
    /// Reads sent to AWS, lookups' and checks' together.
    public var reads: Int
    /// Rounds of reads made together: the longest chain of reads that wait
    /// on each other's answers. 0 when the reads were made one by one.
    public var rounds: Int = 0
}

/// Why a check could not be evaluated at all.
enum CheckProblem: Error {
    case missingValue(TemplateError)
    case awsRefused(OperationName, String)
    case notARead(OperationName)
    case badURL(String)
    case forbiddenHost(String)
    case unavailable(LocalizedText)
    /// Only while a run plans its reads: what has not been read yet.
    case notYetRead

    var text: LocalizedText {
        switch self {
        case .notYetRead:
            return LocalizedText(zh: "还没有读取", en: "not read yet")
        case .unavailable(let reason):
            return reason
        case .missingValue(let error):
            if case .undefined(let reference) = error {
                return LocalizedText(
                    zh: "还没有 \(reference) 的值：请先完成保存它的那一步", en: "\(reference) has no value yet: do the step that saves it first")
            }
            return LocalizedText(zh: "模板有误：\(error)", en: "bad template: \(error)")
        case .awsRefused(let operation, let detail):
            return LocalizedText(zh: "AWS 拒绝了 \(operation)：\(detail)", en: "AWS refused \(operation): \(detail)")
        case .notARead(let operation):
            return LocalizedText(zh: "\(operation) 不是只读操作，检查不能调用它", en: "\(operation) is not a read, so a check may not call it")
        case .badURL(let url):
            return LocalizedText(zh: "不是有效的 URL：\(url)", en: "not a valid URL: \(url)")
        case .forbiddenHost(let host):
            return LocalizedText(
                zh: "HTTP 检查只能访问本机或从你的 AWS 资源读到的地址，不能访问 \(host)",
                en: "an HTTP check may reach only loopback or an address read from your AWS resources, not \(host)")
        }
    }
}

import Foundation
import JMESPath
import JSON

/// Performs a step for the learner, converging: the step's checks run
/// first and a step that already passes is left alone; a create call the
/// ledger shows as done is not repeated. Every create is tagged and written
/// to the ledger before and after it is sent.
public struct StepRunner: Sendable {
    public enum Event: Sendable {
        /// The step's checks already pass: nothing to do.
        case alreadyDone(Step)
        /// A local action: the files laid out, or the program started.
        case copied(to: String, files: [String])
        case started(command: String, port: Int, pid: Int32)
        case prepareFailed(command: String, problem: String)
        /// About to call; `cli` is the equivalent `aws` command.
        case calling(StepCall, cli: String)
        /// What a dry run would call.
        case wouldCall(StepCall, cli: String)
        /// An earlier run already made this call; its saved values are reused.
        case reused(StepCall)
        /// The learner's own resource of the lesson's name is used instead
        /// of making a second one.
        case usedExisting(StepCall, LocalizedText)
        /// The call's answer was lost after AWS carried it out; what it made
        /// was found by its entry tag and is used, not made a second time.
        case recovered(StepCall)
        case called(StepCall, saved: JSONObject)
        case waiting(WaitProgress)
        case declined(StepCall)
        case checked([CheckResult])
        /// The step needs a tool this machine lacks.
        case missingTool(String, LocalizedText)
        /// Deleted on purpose by a teardown step earlier: not made again.
        case deletedOnPurpose(Step)
        case tearingDown(Teardown.Event)
        case tornDown(Teardown.Report)
        /// The timer in the account will remove what was just made when it expires.
        case timerSet([ExpiryTimer.Armed])
        /// The timer could not be set; cleanup and reap still remove it.
        case timerNotSet(String)
    }

    public enum Outcome: Sendable, Equatable {
        /// Done before: nothing was called.
        case alreadyDone
        /// Performed, and its checks now pass.
        case done
        /// Performed, but its checks still fail.
        case checksFailed
        /// A dry run: nothing changed.
        case dryRun
        /// The learner declined a costly call.
        case declined
        /// The step needs a tool this machine lacks; nothing was done.
        case notApplicable
    }

    public var api: any AccountAPI
    public var ledger: Ledger
    public var checks: CheckRunner
    public var owner: String
    /// Runs teardown steps; without it a teardown step fails to run.
    public var teardown: Teardown?
    /// Does local steps; without it a local step fails to run.
    public var local: LocalRunner?
    /// Sets a schedule in the account for each costly thing made; nil with `--no-timer`.
    public var timer: ExpiryTimer?
    /// How long what the tutor creates may live before `reap` removes it.
    public var lifetimeSeconds: Double = 4 * 3600
    public var now: @Sendable () -> Date = { Date() }
    public var makeID: @Sendable () -> String = { UUID().uuidString.lowercased() }
    /// Whether a resource of the lesson's name that the tutor did not make,
    /// and that matches what the call would make, is used in its place.
    public var useExisting = false

    public init(api: any AccountAPI, ledger: Ledger, checks: CheckRunner, owner: String) {
        self.api = api
        self.ledger = ledger
        self.checks = checks
        self.owner = owner
    }

    /// Performs `step` of `lesson`. `confirm` is asked before each call that
    /// costs money by the hour; `scope` receives the values the calls save.
    public func perform(
        _ step: Step, of lesson: Lesson, content: CourseContent, scope: inout VariableScope, progress: inout LearnerProgress,
        dryRun: Bool = false, confirm: @Sendable (StepCall) async -> Bool = { _ in true },
        observe: @escaping @Sendable (Event) -> Void = { _ in }
    ) async throws -> Outcome {
        if let missing = step.needs.first(where: { !checks.tools.isAvailable($0) }) {
            observe(.missingTool(missing, CheckRunner.missingTool(missing)))
            return .notApplicable
        }
        if progress.tornDown[lesson.id]?.contains(step.id) ?? false {
            observe(.deletedOnPurpose(step))
            return .alreadyDone
        }
        if case .local(let action) = step.kind {
            let stepChecks = step.checks.compactMap { content.check($0) }
            if !stepChecks.isEmpty, try await judge(stepChecks, all: content.checks, scope: scope, patient: false).allSatisfy({ $0.status == .passed }) {
                observe(.alreadyDone(step))
                return .alreadyDone
            }
            let outcome = try await performLocal(action, step: step, of: lesson, content: content, scope: scope, dryRun: dryRun, observe: observe)
            guard outcome == .done, !stepChecks.isEmpty else { return outcome }
            let after = try await judge(stepChecks, all: content.checks, scope: scope)
            observe(.checked(after))
            return after.allSatisfy({ $0.status == .passed || $0.status == .notApplicable }) ? .done : .checksFailed
        }
        if case .teardown(let targets) = step.kind {
            return try await tearDown(targets, of: lesson, step: step, content: content, scope: scope, progress: &progress, dryRun: dryRun, observe: observe)
        }
        return try await performCalls(step, of: lesson, content: content, scope: &scope, dryRun: dryRun, confirm: confirm, observe: observe)
    }

    /// A local step: its checks first, as for any step, then the action.
    private func performLocal(
        _ action: LocalAction, step: Step, of lesson: Lesson, content: CourseContent, scope: VariableScope, dryRun: Bool,
        observe: @escaping @Sendable (Event) -> Void
    ) async throws -> Outcome {
        guard let local else { throw StepError.noLocalRunner(step.id) }
        switch action {
        case .copy(let from, let to):
            let lessonFolder = local.courseFolder.appendingPathComponent(lesson.location.file).deletingLastPathComponent()
            guard let destination = try scope.resolve(to).stringValue else { throw LocalActionError.missingFolder("(not text)") }
            if dryRun { return .dryRun }
            let files = try local.copy(template: lessonFolder.appendingPathComponent(from), to: local.paths.url(destination))
            observe(.copied(to: destination, files: files))
        case .start(let command, let prepare, let directory, let environment, let port):
            guard let folder = try scope.resolve(directory).stringValue, let portText = try scope.resolve(port).stringValue ?? scope.resolve(port).intValue.map(String.init),
                let number = Int(portText)
            else { throw LocalActionError.badPort("\(port.json)") }
            var variables: [String: String] = [:]
            for (name, template) in environment {
                let value = try scope.resolve(template)
                variables[name] = value.stringValue ?? value.text
            }
            if dryRun { return .dryRun }
            let id = makeID()
            let match = command.last ?? ""
            try ledger.append(
                LedgerEvent(.intent, id: id, time: now(), fields: [
                    "lesson": .string(lesson.id), "step": .string(step.id), "index": 0, "call": .string("local:start \(command.joined(separator: " "))"),
                ]))
            let log = local.logFolder.appendingPathComponent("\(lesson.id)-\(step.id)-\(number).log")
            let pid: Int32
            do {
                if !prepare.isEmpty, let problem = local.prepare(prepare, in: local.paths.url(folder), log: log) {
                    observe(.prepareFailed(command: prepare.joined(separator: " "), problem: problem))
                }
                pid = try local.start(command: command, in: local.paths.url(folder), environment: variables, port: number, log: log)
            } catch {
                try? ledger.append(LedgerEvent(.failed, id: id, time: now(), fields: ["error": .string(String(describing: error))]))
                throw error
            }
            try ledger.append(
                LedgerEvent(.created, id: id, time: now(), fields: ["undo": ["local": "stop", "pid": .integer(Int(pid)), "match": .string(match)]]))
            observe(.started(command: command.joined(separator: " "), port: number, pid: pid))
        }
        return .done
    }

    /// A teardown step: once the named steps' checks pass, their passes are
    /// recorded and what they created is deleted at once.
    private func tearDown(
        _ targets: [String], of lesson: Lesson, step: Step, content: CourseContent, scope: VariableScope,
        progress: inout LearnerProgress, dryRun: Bool, observe: @escaping @Sendable (Event) -> Void
    ) async throws -> Outcome {
        if let done = progress.tornDown[lesson.id], targets.allSatisfy(done.contains) {
            observe(.alreadyDone(step))
            return .alreadyDone
        }
        // Every step from the first one torn down up to this one is judged
        // (instances registering counts, not only the cluster), and its
        // passes are recorded: afterwards there is nothing left to look at.
        let first = lesson.steps.firstIndex { targets.contains($0.id) } ?? 0
        let end = lesson.steps.firstIndex { $0.id == step.id } ?? lesson.steps.endIndex
        let span = first < end ? lesson.steps[first..<end] : []
        let targetChecks = span.flatMap(\.checks).compactMap { content.check($0) }
        let results = try await judge(targetChecks, all: content.checks, scope: scope)
        observe(.checked(results))
        guard results.allSatisfy({ $0.status == .passed || $0.status == .notApplicable }) else { return .checksFailed }
        if dryRun { return .dryRun }
        guard let teardown else { throw StepError.noTeardown(step.id) }
        progress.recordedPasses.formUnion(targetChecks.map(\.id))
        let report = try await teardown.run(lesson: lesson.id, steps: Set(targets)) { event in observe(.tearingDown(event)) }
        progress.tornDown[lesson.id, default: []].append(contentsOf: targets.filter { !(progress.tornDown[lesson.id]?.contains($0) ?? false) })
        observe(.tornDown(report))
        return report.isClean ? .done : .checksFailed
    }

    /// The calls of `step` a run would still make: not those an earlier run
    /// made, whose results the ledger holds (a run stopped by Ctrl-C, say).
    public func callsToMake(_ step: Step, of lesson: Lesson) throws -> [StepCall] {
        let made = Self.madeCalls(of: step, in: try ledger.live(lesson: lesson.id))
        return step.calls.enumerated().filter { !made.contains($0.offset) }.map(\.element)
    }

    /// The indexes of the step's calls that live ledger entries show as made.
    static func madeCalls(of step: Step, in live: [LedgerEntry]) -> Set<Int> {
        Set(live.filter { $0.step == step.id && $0.state == .created }.compactMap { $0.fields["index"]?.intValue })
    }

    private func performCalls(
        _ step: Step, of lesson: Lesson, content: CourseContent, scope: inout VariableScope, dryRun: Bool,
        confirm: @Sendable (StepCall) async -> Bool, observe: @escaping @Sendable (Event) -> Void
    ) async throws -> Outcome {
        // What earlier runs of this step created and saved is known again
        // before anything is judged, so its checks can find it.
        let live = try ledger.live(lesson: lesson.id)
        for entry in live where entry.step == step.id && entry.state == .created {
            for (name, value) in entry.saved { scope.save(value, as: name) }
        }
        let stepChecks = step.checks.compactMap { content.check($0) }
        if !stepChecks.isEmpty {
            let before = try await judge(stepChecks, all: content.checks, scope: scope, patient: false)
            if before.allSatisfy({ $0.status == .passed || $0.status == .notApplicable }) {
                observe(.alreadyDone(step))
                return .alreadyDone
            }
        }
        let made = Self.madeCalls(of: step, in: live)
        await lookUpInputs(of: step, in: lesson, content: content, scope: &scope)
        if !dryRun { try requireInputs(of: step, in: lesson, content: content, scope: scope) }
        for (index, call) in step.calls.enumerated() {
            if !dryRun, made.contains(index) {
                observe(.reused(call))
                // The wait may be what was interrupted last time (Ctrl-C).
                try await awaitReady(call, scope: scope, observe: observe)
                continue
            }
            if dryRun {
                let input = try prepare(call, lesson: lesson, step: step, scope: scope, entry: "dry-run", display: true)
                observe(.wouldCall(call, cli: api.cliCommand(call.operation, input: input.json)))
                continue
            }
            if let taken = try await takenName(call, lesson: lesson, step: step, content: content, scope: scope) {
                guard useExisting, taken.matchesLesson, let value = taken.value, let name = taken.savedName else { throw StepError.nameTaken(taken) }
                scope.save(value, as: name)
                observe(.usedExisting(call, taken.found))
                continue
            }
            if call.cost.isCostly, await !confirm(call) {
                observe(.declined(call))
                return .declined
            }
            try await make(call, index: index, lesson: lesson, step: step, scope: &scope, observe: observe)
        }
        if dryRun { return .dryRun }
        guard !stepChecks.isEmpty else { return .done }
        let after = try await judge(stepChecks, all: content.checks, scope: scope)
        observe(.checked(after))
        return after.allSatisfy({ $0.status == .passed || $0.status == .notApplicable }) ? .done : .checksFailed
    }

    private struct PreparedInput {
        var json: JSON
        var tags: CourseTags?
        var token: String?
    }

    /// The call's input with templates resolved, course tags added where the
    /// create call takes them, and an idempotency token fixed in advance.
    private func prepare(
        _ call: StepCall, lesson: Lesson, step: Step, scope: VariableScope, entry: String, display: Bool = false
    ) throws -> PreparedInput {
        let resolve = { (template: Template) throws -> JSON in
            display ? scope.resolveForDisplay(template) : try scope.resolve(template)
        }
        var input = try resolve(call.parameters)
        for path in call.base64 { input = StepCall.encodingBase64(input, at: path[...]) }
        var tags: CourseTags?
        if call.undo != nil || call.cost.isCostly {
            let name = try call.name.flatMap { try resolve($0).stringValue } ?? "ecslab-\(lesson.id)-\(step.id)"
            tags = CourseTags(
                name: name, lesson: lesson.id, owner: owner, expiresAt: now().addingTimeInterval(lifetimeSeconds), entry: entry)
        }
        if let tags {
            switch call.tagging {
            case .automatic:
                guard let parameter = api.tagParameter(of: call.operation) else {
                    throw TaggingError.noTagParameter(call.operation)
                }
                input = try tags.apply(to: input, parameter: parameter, resourceType: nil)
            case .specification(let resourceType):
                let parameter = api.tagParameter(of: call.operation) ?? .specifications(member: "TagSpecifications")
                input = try tags.apply(to: input, parameter: parameter, resourceType: resourceType)
            case .after, .none:
                break
            }
        }
        var token: String?
        if let member = api.idempotencyTokenMember(of: call.operation), var object = input.objectValue, object[member] == nil {
            token = makeID()
            object[member] = token.map(JSON.string)
            input = .object(object)
        }
        return PreparedInput(json: input, tags: tags, token: token)
    }

    private func make(
        _ call: StepCall, index: Int, lesson: Lesson, step: Step, scope: inout VariableScope, observe: @escaping @Sendable (Event) -> Void
    ) async throws {
        try Task.checkCancellation()
        let id = makeID()
        // A mistake in the lesson's call is found before it is shown, written
        // to the ledger or sent: the operation first, as tags depend on it.
        try api.validate(call.operation, input: nil)
        let prepared = try prepare(call, lesson: lesson, step: step, scope: scope, entry: id)
        try api.validate(call.operation, input: prepared.json)
        let recorded = prepared.tags != nil
        if recorded {
            var fields = JSONObject()
            fields["lesson"] = .string(lesson.id)
            fields["step"] = .string(step.id)
            fields["index"] = .integer(index)
            fields["call"] = .string(call.operation.description)
            fields["input"] = prepared.json
            fields["tags"] = prepared.tags.map { .object($0.object) } ?? .null
            if let token = prepared.token { fields["client-token"] = .string(token) }
            if case .hourly(let usd) = call.cost { fields["usd-per-hour"] = .double(usd) }
            try ledger.append(LedgerEvent(.intent, id: id, time: now(), fields: fields))
        }
        observe(.calling(call, cli: api.cliCommand(call.operation, input: prepared.json)))
        let response: JSON
        do {
            let answer = try await ChangeCall(api: api).send(
                call.operation, input: prepared.json, entry: call.tagging.tagsAsItMakes ? prepared.tags?.entry : nil,
                idempotent: api.idempotencyTokenMember(of: call.operation) != nil)
            response = answer.response
            if answer.recovered { observe(.recovered(call)) }
        } catch {
            if recorded {
                try? ledger.append(LedgerEvent(.failed, id: id, time: now(), fields: ["error": .string(String(describing: error))]))
            }
            throw StepError.callFailed(call.operation, String(describing: error))
        }
        var saved = JSONObject()
        for save in call.save {
            let value = try JMESPathExpression(save.expression).evaluate(response, variables: CheckRunner.expressionVariables(scope))
            guard !value.isNull else {
                if recorded {
                    try? ledger.append(LedgerEvent(.created, id: id, time: now(), fields: ["response": response]))
                }
                throw StepError.nothingToSave(save.name, save.expression, call.operation)
            }
            saved[save.name] = value
            scope.save(value, as: save.name)
        }
        if recorded {
            var fields = JSONObject()
            fields["saved"] = .object(saved)
            if let undo = call.undo {
                fields["undo"] = ["call": .string(undo.operation.description), "params": try scope.resolve(undo.parameters)]
                if let wait = undo.wait {
                    fields["undo-wait"] = [
                        "service": .string(wait.service), "waiter": .string(wait.waiter), "params": try scope.resolve(wait.parameters),
                    ]
                }
            }
            try ledger.append(LedgerEvent(.created, id: id, time: now(), fields: fields))
        }
        if case .after(let operation, let parameters) = call.tagging, let tags = prepared.tags {
            let input = try scope.resolve(parameters)
            guard let parameter = api.tagParameter(of: operation) else { throw TaggingError.noTagParameter(operation) }
            _ = try await api.call(operation, input: try tags.apply(to: input, parameter: parameter, resourceType: nil))
        }
        observe(.called(call, saved: saved))
        if let timer, call.cost.isCostly, let tags = prepared.tags {
            // The resource exists whatever happens to its timer: a failure is said, not thrown.
            do {
                let armed = try await timer.arm(call.operation, input: prepared.json, response: response, tags: tags, lesson: lesson.id, step: step.id)
                if !armed.isEmpty { observe(.timerSet(armed)) }
            } catch {
                observe(.timerNotSet(String(describing: error)))
            }
        }
        try await awaitReady(call, scope: scope, observe: observe)
    }

    /// Runs checks. A check that meets Ctrl-C reports it as its own error;
    /// the step must stop there rather than go on to make anything.
    private func judge(_ selected: [Check], all: [Check], scope: VariableScope, patient: Bool = true) async throws -> [CheckResult] {
        let results = await checks.run(selected, all: all, scope: scope, patient: patient)
        try Task.checkCancellation()
        return results
    }

    /// Whether what `call` would create already exists under the lesson's
    /// name without being the tutor's: the lookup of the value the call saves
    /// finds it. Making it again would leave two of the same name.
    private func takenName(_ call: StepCall, lesson: Lesson, step: Step, content: CourseContent, scope: VariableScope) async throws -> NameTaken? {
        guard call.undo != nil, let saved = call.save.first(where: { lesson.lookup($0.name) != nil }), let lookup = lesson.lookup(saved.name) else { return nil }
        var resolver = LookupResolver(content: content, api: api)
        var cache = ReadCache()
        guard let existing = await resolver.existing(.init(lesson: lesson.id, name: saved.name), base: scope.withoutSaved, cache: &cache),
            !existing.isEmpty
        else {
            return nil
        }
        let ours = Set(try ledger.live().flatMap { $0.saved.values })
        let others = existing.filter { !ours.contains($0.value) }
        guard !others.isEmpty else { return nil }
        let input = (try? prepare(call, lesson: lesson, step: step, scope: scope, entry: "check", display: true).json) ?? .object(JSONObject())
        let differences = others.count == 1 ? NameTaken.differences(of: others[0].resource, from: input) : []
        return NameTaken(
            looksFor: scope.fill(lookup.looksFor),
            found: LocalizedText(zh: others.map { $0.shown.text(.zh) }.joined(separator: "、"), en: others.map { $0.shown.text(.en) }.joined(separator: ", ")),
            count: others.count, differences: differences, variable: lookup.nearby?.variable,
            value: others.count == 1 ? others[0].value : nil, savedName: saved.name)
    }

    /// Values the step needs that no step of the tutor saved, such as the
    /// ids of a network the learner built by hand, are looked up in AWS.
    private func lookUpInputs(of step: Step, in lesson: Lesson, content: CourseContent, scope: inout VariableScope) async {
        var resolver = LookupResolver(content: content, api: api)
        var cache = ReadCache()
        let base = scope.withoutSaved
        let templates = step.calls.flatMap { $0.templatesBefore + $0.templatesAfter }
        // What the step's own calls save comes from those calls.
        let promised = Set(step.calls.flatMap { $0.save.map(\.name) })
        for reference in templates.flatMap(\.references) where scope.value(of: reference) == nil {
            let key = LookupResolver.Key(lesson: reference.lesson ?? lesson.id, name: reference.name)
            guard !(key.lesson == lesson.id && promised.contains(key.name)), content.lesson(key.lesson)?.lookup(key.name) != nil,
                case .found(let value) = await resolver.resolve(key, base: base, cache: &cache, fresh: false)
            else { continue }
            scope.saved[key.lesson, default: JSONObject()][key.name] = value
        }
    }

    /// Every value the step's calls use must be known before the first one,
    /// or come from an earlier call of the step: a step that stopped half way
    /// for want of a value may already have made something billed by the hour.
    private func requireInputs(of step: Step, in lesson: Lesson, content: CourseContent, scope: VariableScope) throws {
        var promised: Set<String> = []
        func require(_ templates: [Template]) throws {
            for reference in templates.flatMap(\.references) where scope.value(of: reference) == nil {
                if (reference.lesson ?? lesson.id) == lesson.id, promised.contains(reference.name) { continue }
                throw StepError.missingInput(reference.description, savedBy: Self.saver(of: reference, in: lesson, content: content))
            }
        }
        for call in step.calls {
            try require(call.templatesBefore)
            promised.formUnion(call.save.map(\.name))
            try require(call.templatesAfter)
        }
    }

    /// The step (`lesson/step`) whose calls save what `reference` names.
    static func saver(of reference: VariableReference, in lesson: Lesson, content: CourseContent) -> String? {
        guard let owner = content.lesson(reference.lesson ?? lesson.id) else { return nil }
        let step = owner.steps.first { $0.calls.contains { $0.save.contains { $0.name == reference.name } } }
        return step.map { "\(owner.id)/\($0.id)" }
    }

    /// Runs the call's `wait:`, if it has one.
    private func awaitReady(_ call: StepCall, scope: VariableScope, observe: @escaping @Sendable (Event) -> Void) async throws {
        guard let wait = call.wait else { return }
        let input = try scope.resolve(wait.parameters)
        try await api.wait(service: wait.service, waiter: wait.waiter, input: input) { progress in
            observe(.waiting(progress))
        }
    }
}

public enum StepError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedFailure {
    case callFailed(OperationName, String)
    case nothingToSave(String, String, OperationName)
    case noTeardown(String)
    case noLocalRunner(String)
    /// A value the step needs is not known yet; `savedBy` is the step that saves it.
    case missingInput(String, savedBy: String?)
    /// What the step would create is already there, and not the tutor's.
    case nameTaken(NameTaken)

    public var description: String { localizedMessage.en }

    public var localizedMessage: LocalizedText {
        switch self {
        case .missingInput(let reference, let savedBy?):
            return LocalizedText(
                zh: "\(reference) 还没有值：它由 \(savedBy) 保存，请先完成那一步；什么都没有创建",
                en: "\(reference) has no value yet: \(savedBy) saves it, so do that step first; nothing was created")
        case .missingInput(let reference, nil):
            return LocalizedText(zh: "\(reference) 还没有值；什么都没有创建", en: "\(reference) has no value yet; nothing was created")
        case .callFailed(let operation, let detail):
            return LocalizedText(zh: "\(operation) 失败：\(detail)", en: "\(operation) failed: \(detail)")
        case .nothingToSave(let name, let expression, let operation):
            return LocalizedText(
                zh: "\(operation) 有应答，但 '\(expression)' 没有找到可以保存为 '\(name)' 的值",
                en: "\(operation) answered, but '\(expression)' found nothing to save as '\(name)'")
        case .noLocalRunner(let step):
            return LocalizedText(zh: "步骤 '\(step)' 要在本机上完成，但这次运行做不到", en: "step '\(step)' works on this machine, but this run cannot")
        case .nameTaken(let taken):
            return taken.message
        case .noTeardown(let step):
            return LocalizedText(zh: "步骤 '\(step)' 要删除资源，但这次运行不能删除任何东西", en: "step '\(step)' deletes resources, but this run cannot delete anything")
        }
    }
}

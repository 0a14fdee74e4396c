import AWS
import Foundation
import JSON

/// Turns a lesson into a `ScriptPlan`: its steps' calls with the lesson's
/// own tags (`Name`, and what the lesson's parameters set), not ecslab's
/// bookkeeping; each saved value captured for the calls after it; waits;
/// polls where a step only waits for AWS; the teardown steps' deletes; and,
/// with `undo`, every delete of the lesson in the reverse order.
public struct LessonScriptBuilder: Sendable {
    public var content: CourseContent
    public var language: Language
    /// The learner's `--set name=value`, for this lesson and the ones it uses.
    public var overrides: [String: String]
    /// Built-ins other than the account and region, known now (`owner`).
    public var builtIns: [String: String]
    /// Where the course's lesson folders are, for files a step lays out.
    public var courseFolder: URL

    public init(content: CourseContent, language: Language, overrides: [String: String] = [:], builtIns: [String: String] = [:], courseFolder: URL) {
        self.content = content
        self.language = language
        self.overrides = overrides
        self.builtIns = builtIns
        self.courseFolder = courseFolder
    }

    /// The built-ins a script learns when it runs, from the CLI's own configuration.
    static let runtimeBuiltIns = ["account", "region"]

    public func plan(_ lesson: Lesson, undo: Bool = false) throws -> ScriptPlan {
        var names = ReferenceNames(builder: self, lesson: lesson)
        var blocks: [ScriptPlan.Block] = []
        if undo {
            blocks = try undoBlocks(lesson, names: &names)
        } else {
            for (index, step) in lesson.steps.enumerated() {
                if let block = try doBlock(step, number: index + 1, of: lesson, names: &names) { blocks.append(block) }
            }
        }
        let title = lesson.title[language]
        let command = "ecslab script \(lesson.id)" + (undo ? " --undo" : "")
        var header = [
            "\(title) (\(lesson.id))",
            language == .zh ? "由 `\(command)` 生成。用已配置好账户和区域的 aws CLI 运行（aws configure）；遇到第一个错误就停止。"
                : "Made by `\(command)`. Run it with the aws CLI set up for your account and region (aws configure); it stops at the first error.",
        ]
        if undo {
            header.append(
                language == .zh ? "按建立的相反顺序删除本课建立的资源；已经不在的跳过。手工建立、没有记录 id 的，用 `ecslab cleanup \(lesson.id)` 清理。"
                    : "Deletes what the lesson made, in the reverse order; what is already gone is passed over. For a lab built by hand, with no ids recorded, use `ecslab cleanup \(lesson.id)`.")
        } else {
            header.append(
                language == .zh ? "记下的 id 写进当前文件夹的 \(ScriptPlan.idsFile(lesson.id))；`ecslab script \(lesson.id) --undo` 打印删除脚本。"
                    : "The ids it captures go to \(ScriptPlan.idsFile(lesson.id)) in the current folder; `ecslab script \(lesson.id) --undo` prints the teardown.")
            header.append(
                language == .zh ? "ECSLAB_STOP_BEFORE=步骤 让它在那一步之前停下（比如先用 ecslab check 检查，再删除 EC2 集群）。"
                    : "ECSLAB_STOP_BEFORE=STEP stops it before that step (to run ecslab check before the EC2 cluster goes, say).")
            if blocks.contains(where: { $0.costly != nil }) {
                header.append(language == .zh ? "标有“按小时计费”的步骤会产生费用，用完请运行删除脚本。" : "The steps marked \"billed by the hour\" cost money; run the teardown when you are done.")
            }
        }
        return ScriptPlan(
            lesson: lesson.id, title: title, undo: undo, header: header, settings: names.settings,
            runtime: Self.runtimeBuiltIns.filter(names.usedRuntime.contains), imports: names.imports, blocks: blocks)
    }

    private func doBlock(_ step: Step, number: Int, of lesson: Lesson, names: inout ReferenceNames) throws -> ScriptPlan.Block? {
        var items: [ScriptPlan.Item] = []
        var costly: [String] = []
        switch step.kind {
        case .quiz:
            return nil
        case .task(let calls):
            for call in calls {
                let made = try callItems(call, names: &names, lesson: lesson)
                items += names.takeInline().map(ScriptPlan.Item.lookup) + made
                if call.cost.isCostly {
                    let usd = String(format: "%.3f", call.cost.usdPerHour)
                    costly.append(language == .zh ? "\(call.operation.operation)：按小时计费，约 $\(usd)/小时" : "\(call.operation.operation): billed by the hour, about $\(usd) an hour")
                }
            }
            if calls.isEmpty {
                let polls = polls(for: step, names: &names)
                items += names.takeInline().map(ScriptPlan.Item.lookup) + polls
            }
        case .teardown(let targets):
            let undone = lesson.steps.filter { targets.contains($0.id) }.flatMap(\.calls).reversed()
            for call in undone {
                let deletes = try deleteItems(call, names: &names)
                items += names.takeInline().map(ScriptPlan.Item.lookup) + deletes
            }
            items.append(.tornDown(targets))
        case .local(.copy(let from, let to)):
            let folder = courseFolder.appendingPathComponent(lesson.location.file).deletingLastPathComponent().appendingPathComponent(from)
            items.append(.copy(from: folder.path, to: try names.text(to)))
        case .local(.start(let command, let prepare, let directory, let environment, _)):
            let variables = try environment.sorted { $0.key < $1.key }.map { ($0.key, try names.text($0.value)) }
            items.append(.start(command: command, prepare: prepare, directory: try names.text(directory), environment: variables))
        }
        if !step.needs.isEmpty, items.isEmpty {
            let tools = step.needs.joined(separator: ", ")
            items.insert(.note(language == .zh ? "这一步需要本机上的 \(tools)，按上面的说明手工完成。" : "This step needs \(tools) on your machine; do it by hand as above."), at: 0)
        }
        if items.isEmpty { return nil }
        let explanation = ScriptComment.lines(names.fill(step.explanation[language]))
        return ScriptPlan.Block(
            step: step.id, title: "\(number)/\(lesson.steps.count) \(step.id): \(step.title[language])", comment: explanation,
            costly: costly.isEmpty ? nil : costly.joined(separator: "; "), needs: step.needs, items: items)
    }

    /// A call, with its Name tag, its user data encoded, its captures and its wait.
    private func callItems(_ call: StepCall, names: inout ReferenceNames, lesson: Lesson) throws -> [ScriptPlan.Item] {
        var items: [ScriptPlan.Item] = []
        var input = try names.json(call.parameters)
        for (index, path) in call.base64.enumerated() {
            guard let text = Self.value(in: input, at: path[...])?.stringValue else { continue }
            let name = "\(call.save.first?.name ?? call.operation.operation.lowercased())_base64_\(index + 1)"
            items.append(.base64(name: name, text: text))
            input = Self.setting(.string(ScriptPlan.placeholder(name)), in: input, at: path[...])
        }
        let name = try call.name.map { try names.text($0) }
        if let name, call.tagging.tagsAsItMakes, let parameter = ModelTagParameter.find(for: call.operation) {
            var resourceType: String?
            if case .specification(let type) = call.tagging { resourceType = type }
            input = try CourseTags.apply([("Name", name)], to: input, parameter: parameter, resourceType: resourceType)
        }
        items.append(.call(ScriptPlan.Command(operation: call.operation, input: input, query: nil), captures: call.save.map { ($0.name, $0.expression) }))
        names.defined.formUnion(call.save.map(\.name))
        if let name, case .after(let operation, let parameters) = call.tagging, let parameter = ModelTagParameter.find(for: operation) {
            let tagged = try CourseTags.apply([("Name", name)], to: try names.json(parameters), parameter: parameter, resourceType: nil)
            items.append(.call(ScriptPlan.Command(operation: operation, input: tagged, query: nil), captures: []))
        }
        if let wait = call.wait {
            items.append(.wait(service: wait.service, waiter: wait.waiter, input: try names.json(wait.parameters)))
        }
        return items
    }

    private func deleteItems(_ call: StepCall, names: inout ReferenceNames) throws -> [ScriptPlan.Item] {
        guard let undo = call.undo else { return [] }
        var items: [ScriptPlan.Item] = [.delete(ScriptPlan.Command(operation: undo.operation, input: try names.json(undo.parameters), query: nil))]
        if let wait = undo.wait {
            items.append(.deleteWait(service: wait.service, waiter: wait.waiter, input: try names.json(wait.parameters)))
        }
        return items
    }

    private func undoBlocks(_ lesson: Lesson, names: inout ReferenceNames) throws -> [ScriptPlan.Block] {
        names.undoing = true
        var blocks: [ScriptPlan.Block] = []
        for step in lesson.steps.reversed() {
            var items: [ScriptPlan.Item] = []
            for call in step.calls.reversed() { items += try deleteItems(call, names: &names) }
            guard !items.isEmpty else { continue }
            var block = ScriptPlan.Block(step: step.id, title: "\(step.id): \(step.title[language])", comment: [], costly: nil, items: items)
            if lesson.steps.contains(where: { $0.tearsDown.contains(step.id) }) { block.unlessTornDown = step.id }
            blocks.append(block)
        }
        return blocks
    }

    /// A step that only waits for AWS (instances registering): a poll of
    /// each of its checks' simple assertions, until they hold or time runs out.
    private func polls(for step: Step, names: inout ReferenceNames) -> [ScriptPlan.Item] {
        var items: [ScriptPlan.Item] = []
        for check in step.checks.compactMap({ content.check($0) }) {
            guard let seconds = check.eventuallySeconds, case .reads(let reads) = check.source else { continue }
            for assertion in check.assertions {
                guard let poll = ScriptPoll.query(for: assertion, reads: reads), let read = reads.first(where: { $0.name == poll.read }),
                    let input = try? names.json(read.parameters)
                else { continue }
                let what = assertion.label.map { $0[language] } ?? check.title[language]
                items.append(.poll(ScriptPlan.Command(operation: read.operation, input: input, query: poll.query), what: what, seconds: seconds))
            }
        }
        return items
    }

    static func value(in json: JSON, at path: ArraySlice<String>) -> JSON? {
        guard let key = path.first else { return json }
        return json[key].flatMap { value(in: $0, at: path.dropFirst()) }
    }

    static func setting(_ value: JSON, in json: JSON, at path: ArraySlice<String>) -> JSON {
        guard let key = path.first, var object = json.objectValue else { return value }
        object[key] = setting(value, in: object[key] ?? .null, at: path.dropFirst())
        return .object(object)
    }
}

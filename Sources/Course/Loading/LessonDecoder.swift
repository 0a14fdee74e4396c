import AWS
import JSON

/// Turns a lesson file's YAML into a `Lesson`, collecting every problem.
struct LessonDecoder {
    var diagnostics: [Diagnostic] = []

    mutating func decode(_ root: SourceNode) -> Lesson? {
        var reader = MappingReader(root, what: "the lesson", diagnostics: &diagnostics)
        let id = reader.string("id")
        let order = reader.integer("order")
        let title = reader.text("title")
        let summary = reader.text("summary")
        let requires = reader.strings("requires")
        var cost: LessonCost?
        if let node = reader.raw("cost") {
            var costReader = MappingReader(node, what: "the lesson's cost", diagnostics: &diagnostics)
            let perHour = costReader.required("usd-per-hour").flatMap { hourlyCost($0) }
            let note = costReader.text("note")
            costReader.finish(into: &diagnostics)
            if let perHour, let note {
                cost = LessonCost(usdPerHour: perHour.usd, note: note)
                cost?.priceItems = perHour.items
            }
        }
        var variables: [LessonVariable] = []
        if let node = reader.raw("variables") {
            variables = decodeVariables(node)
        }
        var lookups: [Lookup] = []
        if let node = reader.raw("lookups") {
            lookups = decodeLookups(node, lesson: id ?? "")
        }
        var steps: [Step] = []
        if let node = reader.required("steps") {
            if let items = node.sequence {
                steps = items.compactMap { decodeStep($0) }
            } else {
                diagnostics.append(Diagnostic(at: node.location, "'steps' should be a list of steps"))
            }
        }
        reader.finish(into: &diagnostics)
        // Missing texts are already reported; keeping the lesson spares its
        // checks a second, misleading "no such lesson".
        guard let id, let order else { return nil }
        return Lesson(
            id: id, order: order, title: title ?? .missing, summary: summary ?? .missing, requires: requires, cost: cost,
            variables: variables, lookups: lookups, steps: steps, location: root.location)
    }

    /// `name: {call, params, matches, value, many, looks-for, shows, nearby, else}`.
    private mutating func decodeLookups(_ node: SourceNode, lesson: String) -> [Lookup] {
        guard let pairs = node.mapping else {
            diagnostics.append(Diagnostic(at: node.location, "'lookups' should map each name to how it is found"))
            return []
        }
        var lookups: [Lookup] = []
        for (key, value) in pairs {
            guard let name = key.scalar, VariableReference.isName(name[...]) else {
                diagnostics.append(Diagnostic(at: key.location, "a lookup name may hold letters, digits, '_' and '-'"))
                continue
            }
            var reader = MappingReader(value, what: "lookup '\(name)'", diagnostics: &diagnostics)
            let read = decodeRead(&reader, name: name, at: value.location)
            let matches = reader.string("matches")
            let found = reader.string("value")
            let many = reader.bool("many") ?? false
            let looksFor = reader.text("looks-for")
            let shows = reader.string("shows", required: false)
            var nearby: LookupNearby?
            if let nearbyNode = reader.raw("nearby") {
                var nearbyReader = MappingReader(nearbyNode, what: "the nearby list of lookup '\(name)'", diagnostics: &diagnostics)
                let nearbyRead = decodeRead(&nearbyReader, name: "\(name)-nearby", at: nearbyNode.location)
                let items = nearbyReader.string("items")
                let label = nearbyReader.text("label")
                let variable = nearbyReader.string("set", required: false)
                nearbyReader.finish(into: &diagnostics)
                if let nearbyRead, let items, let label {
                    nearby = LookupNearby(read: nearbyRead, items: items, label: label, variable: variable)
                }
            }
            let otherwise = reader.string("else", required: false)
            reader.finish(into: &diagnostics)
            if let read, let matches, let found, let looksFor {
                lookups.append(
                    Lookup(
                        name: name, lesson: lesson, read: read, matches: matches, value: found, many: many, looksFor: looksFor,
                        shows: shows, nearby: nearby, otherwise: otherwise, location: key.location))
            }
        }
        return lookups
    }

    /// The `call`, `params` and `paginate` fields of a read.
    mutating func decodeRead(_ reader: inout MappingReader, name: String, at location: SourceLocation) -> ReadCall? {
        let operation = decodeOperation(reader.required("call"))
        let parameters = decodeTemplate(reader.raw("params"), default: .object(JSONObject()))
        let paginate = reader.bool("paginate") ?? true
        guard let operation, let parameters else { return nil }
        return ReadCall(name: name, operation: operation, parameters: parameters, paginate: paginate, location: location)
    }

    private mutating func decodeVariables(_ node: SourceNode) -> [LessonVariable] {
        guard let pairs = node.mapping else {
            diagnostics.append(Diagnostic(at: node.location, "'variables' should map each name to its default"))
            return []
        }
        var variables: [LessonVariable] = []
        for (key, value) in pairs {
            guard let name = key.scalar, VariableReference.isName(name[...]) else {
                diagnostics.append(Diagnostic(at: key.location, "a variable name may hold letters, digits, '_' and '-'"))
                continue
            }
            if let text = value.scalar {
                variables.append(LessonVariable(name: name, defaultValue: text, location: key.location))
                continue
            }
            var reader = MappingReader(value, what: "variable '\(name)'", diagnostics: &diagnostics)
            let defaultValue = reader.string("default")
            let description = reader.text("description", required: false)
            reader.finish(into: &diagnostics)
            if let defaultValue {
                variables.append(LessonVariable(name: name, defaultValue: defaultValue, description: description, location: key.location))
            }
        }
        return variables
    }

    private mutating func decodeStep(_ node: SourceNode) -> Step? {
        let name = node["id"]?.scalar.map { "step '\($0)'" } ?? "a step"
        var reader = MappingReader(node, what: name, diagnostics: &diagnostics)
        let id = reader.string("id")
        let title = reader.text("title")
        let explanation = reader.text("explain")
        let console = reader.text("console", required: false)
        let checks = reader.strings("checks")
        let needs = reader.strings("needs")
        var kind: Step.Kind?
        if let teardownNode = reader.raw("teardown") {
            if reader.has("calls") || reader.has("quiz") {
                diagnostics.append(
                    Diagnostic(at: teardownNode.location, "\(name) has 'teardown' with 'calls' or 'quiz'", suggestion: "make them separate steps"))
            }
            let steps = teardownNode.sequence?.compactMap(\.scalar) ?? teardownNode.scalar.map { [$0] } ?? []
            if steps.isEmpty {
                diagnostics.append(Diagnostic(at: teardownNode.location, "'teardown' of \(name) should list the steps whose resources it deletes"))
            }
            kind = .teardown(steps: steps)
        } else if let localNode = reader.raw("local") {
            kind = decodeLocal(localNode, step: name).map { .local($0) }
        } else if let quizNode = reader.raw("quiz") {
            if reader.has("calls") {
                diagnostics.append(Diagnostic(at: quizNode.location, "\(name) has both 'quiz' and 'calls'", suggestion: "make them two steps"))
            }
            kind = decodeQuiz(quizNode, step: name).map { .quiz($0) }
        } else {
            var calls: [StepCall] = []
            if let callsNode = reader.raw("calls") {
                if let items = callsNode.sequence {
                    calls = items.compactMap { decodeCall($0, step: name) }
                } else {
                    diagnostics.append(Diagnostic(at: callsNode.location, "'calls' of \(name) should be a list"))
                }
            }
            kind = .task(calls: calls)
        }
        reader.finish(into: &diagnostics)
        guard let id, let kind else { return nil }
        var step = Step(id: id, title: title ?? .missing, explanation: explanation ?? .missing, console: console, kind: kind, checks: checks, location: node.location)
        step.needs = needs
        return step
    }

    private mutating func decodeLocal(_ node: SourceNode, step: String) -> LocalAction? {
        var reader = MappingReader(node, what: "the local action of \(step)", diagnostics: &diagnostics)
        defer { reader.finish(into: &diagnostics) }
        if let copyNode = reader.raw("copy") {
            var copyReader = MappingReader(copyNode, what: "the copy of \(step)", diagnostics: &diagnostics)
            let from = copyReader.string("from")
            let to = decodeTemplate(copyReader.required("to"))
            copyReader.finish(into: &diagnostics)
            guard let from, let to else { return nil }
            return .copy(from: from, to: to)
        }
        if let startNode = reader.raw("start") {
            var startReader = MappingReader(startNode, what: "the start of \(step)", diagnostics: &diagnostics)
            let command = startReader.strings("command")
            let prepare = startReader.strings("prepare")
            let directory = decodeTemplate(startReader.required("dir"))
            var environment: [String: Template] = [:]
            for (key, value) in startReader.raw("env")?.mapping ?? [] {
                if let name = key.scalar, let template = decodeTemplate(value) { environment[name] = template }
            }
            let port = decodeTemplate(startReader.required("port"))
            startReader.finish(into: &diagnostics)
            if command.isEmpty {
                diagnostics.append(Diagnostic(at: startNode.location, "the start of \(step) needs a 'command' list, e.g. [node, app.js]"))
            }
            guard !command.isEmpty, let directory, let port else { return nil }
            return .start(command: command, prepare: prepare, directory: directory, environment: environment, port: port)
        }
        diagnostics.append(Diagnostic(at: node.location, "'local' of \(step) needs 'copy' or 'start'"))
        return nil
    }

    private mutating func decodeQuiz(_ node: SourceNode, step: String) -> Quiz? {
        var reader = MappingReader(node, what: "the quiz of \(step)", diagnostics: &diagnostics)
        let question = reader.text("question")
        var choices: [LocalizedText] = []
        if let choicesNode = reader.required("choices") {
            for item in choicesNode.sequence ?? [] {
                if let choice = MappingReader.localized(item, field: "choices", of: "the quiz of \(step)", diagnostics: &diagnostics) {
                    choices.append(choice)
                }
            }
            if (choicesNode.sequence?.count ?? 0) < 2 {
                diagnostics.append(Diagnostic(at: choicesNode.location, "the quiz of \(step) needs at least two choices"))
            }
        }
        let answer = reader.integer("answer")
        let explanation = reader.text("explain")
        let points = reader.integer("points", required: false) ?? 1
        reader.finish(into: &diagnostics)
        if let answer, let answerNode = node["answer"], !(1...max(1, choices.count)).contains(answer) {
            diagnostics.append(Diagnostic(at: answerNode.location, "the answer of \(step) should be a choice number from 1 to \(choices.count)"))
            return nil
        }
        guard let question, let answer, let explanation else { return nil }
        return Quiz(question: question, choices: choices, answer: answer - 1, explanation: explanation, points: points)
    }

    private mutating func decodeCall(_ node: SourceNode, step: String) -> StepCall? {
        var reader = MappingReader(node, what: "a call of \(step)", diagnostics: &diagnostics)
        let operation = decodeOperation(reader.required("call"))
        let parameters = decodeTemplate(reader.raw("params"), default: .object(JSONObject()))
        var saves: [SavedValue] = []
        if let saveNode = reader.raw("save") {
            if let pairs = saveNode.mapping {
                for (key, value) in pairs {
                    if let name = key.scalar, VariableReference.isName(name[...]), let expression = value.scalar {
                        saves.append(SavedValue(name: name, expression: expression, location: value.location))
                    } else {
                        diagnostics.append(
                            Diagnostic(at: key.location, "'save' should map a variable name to a JMESPath expression over the response"))
                    }
                }
            } else {
                diagnostics.append(Diagnostic(at: saveNode.location, "'save' should map names to JMESPath expressions"))
            }
        }
        var undo: UndoCall?
        if let undoNode = reader.raw("undo") {
            var undoReader = MappingReader(undoNode, what: "the undo of a call of \(step)", diagnostics: &diagnostics)
            let undoOperation = decodeOperation(undoReader.required("call"))
            let undoParameters = decodeTemplate(undoReader.raw("params"), default: .object(JSONObject()))
            let wait = undoReader.raw("wait").flatMap { decodeWait($0, step: step) }
            undoReader.finish(into: &diagnostics)
            if let undoOperation, let undoParameters {
                undo = UndoCall(operation: undoOperation, parameters: undoParameters, wait: wait, location: undoNode.location)
            }
        }
        var cost = CostClass.free
        var priceItems: [String: Double] = [:]
        if let node = reader.raw("usd-per-hour"), let perHour = hourlyCost(node) {
            cost = .hourly(usd: perHour.usd)
            priceItems = perHour.items
        }
        var tagging = Tagging.automatic
        if let tagNode = reader.raw("tags") {
            tagging = decodeTagging(tagNode, step: step) ?? .automatic
        }
        let name = reader.raw("name").flatMap { decodeTemplate($0) }
        let wait = reader.raw("wait").flatMap { decodeWait($0, step: step) }
        let base64 = reader.strings("base64").map { $0.split(separator: ".").map(String.init) }
        reader.finish(into: &diagnostics)
        guard let operation, let parameters else { return nil }
        var call = StepCall(
            operation: operation, parameters: parameters, save: saves, undo: undo, cost: cost, tagging: tagging,
            name: name, wait: wait, location: node.location)
        call.base64 = base64
        call.priceItems = priceItems
        return call
    }

    /// `usd-per-hour: 0.062`, or price items with their quantities
    /// (`{nat_gateway_hour: 1}`), priced later for the learner's region.
    private mutating func hourlyCost(_ node: SourceNode) -> (usd: Double, items: [String: Double])? {
        if let text = node.scalar {
            guard let usd = Double(text), usd.isFinite, usd >= 0 else {
                diagnostics.append(Diagnostic(at: node.location, "'usd-per-hour' is a number of dollars or a map of price items to quantities"))
                return nil
            }
            return (usd, [:])
        }
        guard let pairs = node.mapping, !pairs.isEmpty else {
            diagnostics.append(Diagnostic(at: node.location, "'usd-per-hour' is a number of dollars or a map of price items to quantities"))
            return nil
        }
        var items: [String: Double] = [:]
        for (key, value) in pairs {
            guard let item = key.scalar, let text = value.scalar, let quantity = Double(text), quantity.isFinite, quantity > 0 else {
                diagnostics.append(Diagnostic(at: value.location, "each price item takes a quantity above 0, as in 'nat_gateway_hour: 1'"))
                continue
            }
            items[item] = quantity
        }
        return (0, items)
    }

    private mutating func decodeTagging(_ node: SourceNode, step: String) -> Tagging? {
        if let text = node.scalar {
            switch text {
            case "none": return Tagging.none
            case "auto": return .automatic
            default:
                diagnostics.append(
                    Diagnostic(
                        at: node.location, "'tags' should be 'auto', 'none', {resource-type: ...} or {after: ...}",
                        suggestion: "ec2 resources need {resource-type: vpc} and the like"))
                return nil
            }
        }
        var reader = MappingReader(node, what: "the tags of a call of \(step)", diagnostics: &diagnostics)
        defer { reader.finish(into: &diagnostics) }
        if let resourceType = reader.string("resource-type", required: false) {
            return .specification(resourceType: resourceType)
        }
        if let afterNode = reader.raw("after") {
            var afterReader = MappingReader(afterNode, what: "the tagging call of \(step)", diagnostics: &diagnostics)
            let operation = decodeOperation(afterReader.required("call"))
            let parameters = decodeTemplate(afterReader.raw("params"), default: .object(JSONObject()))
            afterReader.finish(into: &diagnostics)
            guard let operation, let parameters else { return nil }
            return .after(operation: operation, parameters: parameters)
        }
        diagnostics.append(Diagnostic(at: node.location, "'tags' needs 'resource-type' or 'after'"))
        return nil
    }

    mutating func decodeWait(_ node: SourceNode, step: String) -> WaitSpec? {
        var reader = MappingReader(node, what: "a wait of \(step)", diagnostics: &diagnostics)
        let waiterNode = reader.required("waiter")
        let parameters = decodeTemplate(reader.raw("params"), default: .object(JSONObject()))
        reader.finish(into: &diagnostics)
        guard let waiterNode, let text = waiterNode.scalar else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2 else {
            diagnostics.append(
                Diagnostic(at: waiterNode.location, "'\(MessageExcerpt.plain(text, escapes: .yaml))' is not a waiter name", suggestion: "write it as service:WaiterName, e.g. ec2:NatGatewayAvailable"))
            return nil
        }
        guard let parameters else { return nil }
        return WaitSpec(service: String(parts[0]), waiter: String(parts[1]), parameters: parameters, location: waiterNode.location)
    }

    mutating func decodeOperation(_ node: SourceNode?) -> OperationName? {
        guard let node else { return nil }
        guard let text = node.scalar, let operation = OperationName(parsing: text) else {
            diagnostics.append(
                Diagnostic(at: node.location, "'\(MessageExcerpt.plain(node.scalar ?? "", escapes: .yaml))' is not an operation name", suggestion: "write it as service:Operation, e.g. ec2:DescribeVpcs"))
            return nil
        }
        return operation
    }

    mutating func decodeTemplate(_ node: SourceNode?, default defaultValue: JSON? = nil) -> Template? {
        guard let node else {
            return defaultValue.flatMap { try? Template($0) }
        }
        do {
            return try Template(node)
        } catch {
            diagnostics.append(Diagnostic(at: node.location, error.description))
            return nil
        }
    }
}

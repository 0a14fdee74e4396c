import AWS
import JSON

/// The checks that span files: references between steps, checks and
/// lessons, variables used before they are defined, dependency cycles, and
/// checks that would change an account. The service-model checks (do the
/// operation, its parameters and the waiter exist?) come from an
/// `OperationCatalog`, so that this layer stays testable without models.
public struct CourseLinter: Sendable {
    /// Names every template may use without defining them.
    public static let builtInVariables: Set<String> = ["account", "region", "owner", "course", "lesson", "endpoint", "course_dir"]

    public var catalog: (any OperationCatalog)?

    public init(catalog: (any OperationCatalog)? = nil) {
        self.catalog = catalog
    }

    public func lint(_ content: CourseContent) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        lintLessons(content, &diagnostics)
        lintChecks(content, &diagnostics)
        return diagnostics.sorted { $0.location < $1.location }
    }

    private func lintLessons(_ content: CourseContent, _ diagnostics: inout [Diagnostic]) {
        var seenLessons: [String: SourceLocation] = [:]
        var seenOrders: [Int: String] = [:]
        for lesson in content.lessons {
            if let first = seenLessons[lesson.id] {
                diagnostics.append(Diagnostic(at: lesson.location, "lesson id '\(lesson.id)' is also used by \(first.file)"))
            }
            seenLessons[lesson.id] = lesson.location
            if let other = seenOrders[lesson.order] {
                diagnostics.append(Diagnostic(at: lesson.location, "lesson '\(lesson.id)' has the same order \(lesson.order) as '\(other)'"))
            }
            seenOrders[lesson.order] = lesson.id
            if let cost = lesson.cost {
                lintPriceItems(cost.priceItems, content, at: lesson.location, "the cost of lesson '\(lesson.id)'", &diagnostics)
                lintTextReferences([cost.note], lesson: lesson, content, at: lesson.location, "the cost note of lesson '\(lesson.id)'", &diagnostics)
            }
            for required in lesson.requires where content.lesson(required) == nil {
                diagnostics.append(
                    Diagnostic(
                        at: lesson.location, "lesson '\(lesson.id)' requires '\(required)', which does not exist",
                        suggestion: EditDistance.closest(to: required, among: content.lessons.map(\.id)).map { "did you mean '\($0)'?" }))
            }
            lintSteps(of: lesson, content, &diagnostics)
            lintLookups(of: lesson, content, &diagnostics)
        }
        lintRequirementCycles(content, &diagnostics)
    }

    private func lintSteps(of lesson: Lesson, _ content: CourseContent, _ diagnostics: inout [Diagnostic]) {
        var defined = Set(lesson.variables.map(\.name)).union(CourseLinter.builtInVariables)
        var stepIDs: Set<String> = []
        for step in lesson.steps {
            if !stepIDs.insert(step.id).inserted {
                diagnostics.append(Diagnostic(at: step.location, "step id '\(step.id)' is used twice in lesson '\(lesson.id)'"))
            }
            for checkID in step.checks {
                guard let check = content.check(checkID) else {
                    diagnostics.append(
                        Diagnostic(
                            at: step.location, "step '\(step.id)' lists check '\(checkID)', which does not exist",
                            suggestion: EditDistance.closest(to: checkID, among: content.checks(of: lesson.id).map(\.id)).map { "did you mean '\($0)'?" }))
                    continue
                }
                if check.lesson != lesson.id {
                    diagnostics.append(
                        Diagnostic(at: step.location, "step '\(step.id)' lists check '\(checkID)', which belongs to lesson '\(check.lesson)'"))
                }
            }
            for tool in step.needs where !LocalTools.known.contains(tool) {
                diagnostics.append(
                    Diagnostic(at: step.location, "step '\(step.id)' needs '\(tool)', which ecslab cannot look for", suggestion: "use one of: \(LocalTools.known.joined(separator: ", "))"))
            }
            let texts = [step.title, step.explanation] + (step.console.map { [$0] } ?? [])
            lintTextReferences(texts, lesson: lesson, content, at: step.location, "the text of step '\(step.id)'", &diagnostics)
            for target in step.tearsDown {
                guard let index = lesson.steps.firstIndex(where: { $0.id == target }) else {
                    diagnostics.append(
                        Diagnostic(
                            at: step.location, "step '\(step.id)' tears down step '\(target)', which does not exist",
                            suggestion: EditDistance.closest(to: target, among: lesson.steps.map(\.id)).map { "did you mean '\($0)'?" }))
                    continue
                }
                if !stepIDs.contains(target) {
                    diagnostics.append(Diagnostic(at: step.location, "step '\(step.id)' tears down step '\(target)', which comes after it"))
                } else if lesson.steps[index].calls.allSatisfy({ $0.undo == nil }) {
                    diagnostics.append(Diagnostic(at: step.location, "step '\(step.id)' tears down step '\(target)', which creates nothing it can undo"))
                }
            }
            if case .local(let action) = step.kind {
                let context = "step '\(step.id)'"
                switch action {
                case .copy(_, let to):
                    lintReferences(to, defined: defined, lesson: lesson, content, at: step.location, context, &diagnostics)
                case .start(_, _, let directory, let environment, let port):
                    for template in [directory, port] + environment.values.sorted(by: { $0.json.text < $1.json.text }) {
                        lintReferences(template, defined: defined, lesson: lesson, content, at: step.location, context, &diagnostics)
                    }
                }
            }
            for call in step.calls {
                let context = "a call of step '\(step.id)'"
                lintReferences(call.parameters, defined: defined, lesson: lesson, content, at: call.location, context, &diagnostics)
                catalog.map { lintOperation(call.operation, call.parameters, $0, at: call.location, &diagnostics) }
                if let name = call.name {
                    lintReferences(name, defined: defined, lesson: lesson, content, at: call.location, "the name of \(context)", &diagnostics)
                }
                lintTagging(call, context: context, &diagnostics)
                for path in call.base64 where path.reduce(Optional(call.parameters.json), { $0?[$1] })?.stringValue == nil {
                    diagnostics.append(
                        Diagnostic(
                            at: call.location, "\(context) base64-encodes \(path.joined(separator: ".")), which is not a text among its params"))
                }
                for save in call.save {
                    if let problem = catalog?.expressionProblem(save.expression) {
                        diagnostics.append(Diagnostic(at: save.location, "the saved value '\(save.name)' has a bad expression: \(problem)"))
                    }
                    defined.insert(save.name)
                }
                if case .after(let operation, let parameters) = call.tagging {
                    lintReferences(parameters, defined: defined, lesson: lesson, content, at: call.location, "the tagging call of \(context)", &diagnostics)
                    // The engine fills the tagging call's tags itself.
                    catalog.map { lintOperation(operation, parameters, $0, at: call.location, ignoring: ["Tags", "tags"], &diagnostics) }
                }
                if let wait = call.wait {
                    lintReferences(wait.parameters, defined: defined, lesson: lesson, content, at: wait.location, "the wait of \(context)", &diagnostics)
                    lintWaiter(wait, &diagnostics)
                }
                if let undo = call.undo {
                    lintReferences(undo.parameters, defined: defined, lesson: lesson, content, at: undo.location, "the undo of \(context)", &diagnostics)
                    catalog.map { lintOperation(undo.operation, undo.parameters, $0, at: undo.location, &diagnostics) }
                    if let wait = undo.wait {
                        lintReferences(wait.parameters, defined: defined, lesson: lesson, content, at: wait.location, "the undo's wait of \(context)", &diagnostics)
                        lintWaiter(wait, &diagnostics)
                    }
                }
                lintPriceItems(call.priceItems, content, at: call.location, context, &diagnostics)
                if call.undo == nil, call.cost.isCostly {
                    diagnostics.append(
                        Diagnostic(
                            at: call.location, "\(context) creates something that costs money by the hour but has no 'undo'",
                            suggestion: "add 'undo:' with the call that deletes it"))
                }
            }
        }
    }

    /// Every price item a cost names is in prices.yaml.
    private func lintPriceItems(
        _ items: [String: Double], _ content: CourseContent, at location: SourceLocation, _ context: String, _ diagnostics: inout [Diagnostic]
    ) {
        for item in items.keys.sorted() where !content.prices.items.contains(item) {
            diagnostics.append(
                Diagnostic(
                    at: location, "\(context) costs '\(item)', which prices.yaml does not price",
                    suggestion: EditDistance.closest(to: item, among: content.prices.items).map { "did you mean '\($0)'?" } ?? "add it to prices.yaml"))
        }
    }

    /// A call that creates something must be able to carry the course tags.
    private func lintTagging(_ call: StepCall, context: String, _ diagnostics: inout [Diagnostic]) {
        guard let catalog, call.undo != nil || call.cost.isCostly, catalog.knows(call.operation) else { return }
        let parameter = catalog.tagParameter(of: call.operation)
        switch call.tagging {
        case .automatic:
            if parameter == nil {
                diagnostics.append(
                    Diagnostic(
                        at: call.location, "\(call.operation) takes no tags, so what \(context) creates would not carry the course tags",
                        suggestion: "add 'tags: {after: {call: ..., params: ...}}' with a tagging call, or 'tags: none'"))
            } else if case .specifications = parameter {
                diagnostics.append(
                    Diagnostic(
                        at: call.location, "\(call.operation) takes tags through TagSpecifications, which need a resource type",
                        suggestion: "add 'tags: {resource-type: ...}', e.g. vpc, subnet, natgateway"))
            }
        case .specification:
            if let parameter, parameter != .specifications(member: "TagSpecifications") {
                diagnostics.append(Diagnostic(at: call.location, "\(call.operation) takes no TagSpecifications", suggestion: "use 'tags: auto'"))
            }
        case .after(let operation, _):
            if catalog.tagParameter(of: operation) == nil {
                diagnostics.append(Diagnostic(at: call.location, "the tagging call \(operation) of \(context) takes no tags"))
            }
        case .none:
            break
        }
    }

    private func lintWaiter(_ wait: WaitSpec, _ diagnostics: inout [Diagnostic]) {
        guard let catalog else { return }
        let waiters = catalog.waiters(of: wait.service)
        if !waiters.contains(wait.waiter) {
            diagnostics.append(
                Diagnostic(
                    at: wait.location, "\(wait.service) has no waiter '\(wait.waiter)'",
                    suggestion: EditDistance.closest(to: wait.waiter, among: waiters).map { "did you mean '\($0)'?" }))
        }
    }

    private func lintOperation(
        _ operation: OperationName, _ parameters: Template, _ catalog: any OperationCatalog, at location: SourceLocation,
        ignoring: Set<String> = [], _ diagnostics: inout [Diagnostic]
    ) {
        for problem in catalog.problems(operation: operation, parameters: parameters.json) where !ignoring.contains(problem.path) {
            diagnostics.append(Diagnostic(at: location, problem.message, suggestion: problem.suggestion))
        }
    }

    private func lintReferences(
        _ template: Template, defined: Set<String>, lesson: Lesson, _ content: CourseContent,
        at location: SourceLocation, _ context: String, fromAWSAlone: Bool = false, _ diagnostics: inout [Diagnostic]
    ) {
        lintReferences(
            template.references, locatedBy: { template.location(of: $0, or: location) }, defined: defined, lesson: lesson, content,
            context, fromAWSAlone: fromAWSAlone, &diagnostics)
    }

    /// With `fromAWSAlone`, as for checks and lookups, a value only a step
    /// saves is refused: it exists only where the tutor did the step.
    private func lintReferences(
        _ references: [VariableReference], locatedBy locate: (VariableReference) -> SourceLocation, defined: Set<String>, lesson: Lesson,
        _ content: CourseContent, _ context: String, fromAWSAlone: Bool, _ diagnostics: inout [Diagnostic]
    ) {
        for reference in references {
            let location = locate(reference)
            if let other = reference.lesson {
                guard let otherLesson = content.lesson(other) else {
                    diagnostics.append(Diagnostic(at: location, "\(context) uses \(reference), but there is no lesson '\(other)'"))
                    continue
                }
                if other != lesson.id, !lesson.requires.contains(other) {
                    diagnostics.append(
                        Diagnostic(
                            at: location, "\(context) uses \(reference) from lesson '\(other)', which lesson '\(lesson.id)' does not require",
                            suggestion: "add '\(other)' to 'requires'"))
                }
                let isVariable = otherLesson.variables.contains(where: { $0.name == reference.name })
                let isLookup = otherLesson.lookup(reference.name) != nil
                if fromAWSAlone, !isVariable, !isLookup {
                    diagnostics.append(
                        Diagnostic(
                            at: location,
                            otherLesson.savedNames[reference.name] == nil
                                ? "\(context) uses \(reference), which lesson '\(other)' neither defines nor looks up"
                                : "\(context) uses \(reference), which only a step of lesson '\(other)' saves: a grade comes from AWS alone",
                            suggestion: "add a lookup '\(reference.name)' to lesson '\(other)'"))
                } else if !fromAWSAlone, otherLesson.savedNames[reference.name] == nil, !isVariable, !isLookup {
                    diagnostics.append(
                        Diagnostic(at: location, "\(context) uses \(reference), which lesson '\(other)' neither saves nor defines"))
                }
            } else if fromAWSAlone, !defined.contains(reference.name), lesson.savedNames[reference.name] != nil {
                diagnostics.append(
                    Diagnostic(
                        at: location, "\(context) uses \(reference), which only a step saves: a grade comes from AWS alone",
                        suggestion: "add a lookup '\(reference.name)' that finds it in AWS"))
            } else if !defined.contains(reference.name) {
                let later = lesson.savedNames[reference.name]
                diagnostics.append(
                    Diagnostic(
                        at: location,
                        later.map { "\(context) uses \(reference) before step '\($0)' saves it" } ?? "\(context) uses \(reference), which is not defined",
                        suggestion: later == nil
                            ? EditDistance.closest(to: reference.name, among: defined).map { "did you mean '${\($0)}'?" } ?? "define it under 'variables'" : nil))
            }
        }
    }

    /// A text a person reads may name any value the lesson defines or saves
    /// anywhere (one not known yet shows as `<name>`), or one of another lesson.
    private func lintTextReferences(
        _ texts: [LocalizedText], lesson: Lesson, _ content: CourseContent, at location: SourceLocation, _ context: String,
        fromAWSAlone: Bool = false, _ diagnostics: inout [Diagnostic]
    ) {
        let defined = fromAWSAlone ? CourseLinter.awsAloneNames(of: lesson) : CourseLinter.awsAloneNames(of: lesson).union(lesson.savedNames.keys)
        for text in texts {
            for string in [text.zh, text.en] where TemplateString.mayHoldReference(string) {
                let template: TemplateString
                do {
                    template = try TemplateString(parsing: string)
                } catch {
                    diagnostics.append(Diagnostic(at: location, "\(context) has a bad reference: \(error)"))
                    continue
                }
                for reference in template.references {
                    if reference.lesson == PriceList.referenceName {
                        if !content.prices.items.contains(reference.name) {
                            diagnostics.append(
                                Diagnostic(
                                    at: location, "\(context) uses \(reference), which prices.yaml does not price",
                                    suggestion: EditDistance.closest(to: reference.name, among: content.prices.items).map { "did you mean '${price.\($0)}'?" }))
                        }
                    } else if let other = reference.lesson.flatMap({ content.lesson($0) }) {
                        let known = fromAWSAlone ? CourseLinter.awsAloneNames(of: other) : CourseLinter.awsAloneNames(of: other).union(other.savedNames.keys)
                        if !known.contains(reference.name) {
                            diagnostics.append(
                                Diagnostic(
                                    at: location,
                                    "\(context) uses \(reference), which lesson '\(other.id)' neither \(fromAWSAlone ? "looks up" : "saves") nor defines"))
                        }
                    } else if let other = reference.lesson {
                        diagnostics.append(Diagnostic(at: location, "\(context) uses \(reference), but there is no lesson '\(other)'"))
                    } else if !defined.contains(reference.name) {
                        diagnostics.append(
                            Diagnostic(
                                at: location, "\(context) uses \(reference), which lesson '\(lesson.id)' neither saves nor defines",
                                suggestion: EditDistance.closest(to: reference.name, among: defined).map { "did you mean '${\($0)}'?" }))
                    }
                }
            }
        }
    }

    /// What a lesson's checks may name: its variables, its lookups and the built-ins.
    static func awsAloneNames(of lesson: Lesson) -> Set<String> {
        Set(lesson.variables.map(\.name)).union(lesson.lookups.map(\.name)).union(builtInVariables)
    }

    private func lintLookups(of lesson: Lesson, _ content: CourseContent, _ diagnostics: inout [Diagnostic]) {
        let defined = CourseLinter.awsAloneNames(of: lesson)
        var seen: Set<String> = []
        for lookup in lesson.lookups {
            let context = "lookup '\(lookup.name)'"
            if !seen.insert(lookup.name).inserted {
                diagnostics.append(Diagnostic(at: lookup.location, "\(context) is defined twice in lesson '\(lesson.id)'"))
            }
            if lesson.variables.contains(where: { $0.name == lookup.name }) {
                diagnostics.append(
                    Diagnostic(at: lookup.location, "\(context) has the name of a variable of lesson '\(lesson.id)'", suggestion: "give one of them another name"))
            }
            for read in [lookup.read] + (lookup.nearby.map { [$0.read] } ?? []) {
                if !read.operation.isCheckable {
                    diagnostics.append(
                        Diagnostic(at: read.location, "\(context) calls \(read.operation), which is not a read", suggestion: "lookups may only call Describe*, List* and Get* operations"))
                }
                lintReferences(read.parameters, defined: defined, lesson: lesson, content, at: read.location, context, fromAWSAlone: true, &diagnostics)
                catalog.map { lintOperation(read.operation, read.parameters, $0, at: read.location, &diagnostics) }
            }
            let expressions = [lookup.matches, lookup.value] + [lookup.shows, lookup.nearby?.items].compactMap { $0 }
            for expression in expressions {
                if let problem = catalog?.expressionProblem(expression) {
                    diagnostics.append(Diagnostic(at: lookup.location, "\(context) has a bad expression: \(problem)"))
                }
            }
            lintReferences(
                Assertion.expressionVariables(lookup.matches) + Assertion.expressionVariables(lookup.value), locatedBy: { _ in lookup.location },
                defined: defined, lesson: lesson, content, context, fromAWSAlone: true, &diagnostics)
            lintTextReferences(
                [lookup.looksFor] + (lookup.nearby.map { [$0.label] } ?? []), lesson: lesson, content, at: lookup.location, "the text of \(context)",
                fromAWSAlone: true, &diagnostics)
            if let variable = lookup.nearby?.variable, !lesson.variables.contains(where: { $0.name == variable }) {
                diagnostics.append(Diagnostic(at: lookup.location, "the nearby list of \(context) sets '\(variable)', which is not a variable of lesson '\(lesson.id)'"))
            }
            if let otherwise = lookup.otherwise, lesson.lookup(otherwise) == nil {
                diagnostics.append(
                    Diagnostic(
                        at: lookup.location, "\(context) falls back on '\(otherwise)', which is not a lookup of lesson '\(lesson.id)'",
                        suggestion: EditDistance.closest(to: otherwise, among: lesson.lookups.map(\.name).filter { $0 != lookup.name }).map { "did you mean '\($0)'?" }))
            }
        }
        var edges: [String: [String]] = [:]
        for lookup in lesson.lookups {
            let needed = lookup.references.filter { ($0.lesson ?? lesson.id) == lesson.id && lesson.lookup($0.name) != nil }.map(\.name)
            edges[lookup.name] = needed + (lookup.otherwise.map { [$0] } ?? [])
        }
        for cycle in CycleFinder.cycles(in: edges) {
            diagnostics.append(
                Diagnostic(
                    at: lesson.lookup(cycle[0])?.location ?? lesson.location,
                    "lookups of lesson '\(lesson.id)' need each other in a cycle: \(cycle.joined(separator: " -> ")) -> \(cycle[0])"))
        }
    }

    private func lintChecks(_ content: CourseContent, _ diagnostics: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        for check in content.checks {
            for tool in check.needs where !LocalTools.known.contains(tool) {
                diagnostics.append(
                    Diagnostic(at: check.location, "check '\(check.id)' needs '\(tool)', which ecslab cannot look for", suggestion: "use one of: \(LocalTools.known.joined(separator: ", "))"))
            }
            if let first = seen[check.id] {
                diagnostics.append(Diagnostic(at: check.location, "check id '\(check.id)' is also used at \(first)"))
            }
            seen[check.id] = check.location
            guard let lesson = content.lesson(check.lesson) else {
                diagnostics.append(
                    Diagnostic(
                        at: check.location, "check '\(check.id)' belongs to lesson '\(check.lesson)', which does not exist",
                        suggestion: EditDistance.closest(to: check.lesson, among: content.lessons.map(\.id)).map { "did you mean '\($0)'?" }))
                continue
            }
            for dependency in check.dependsOn where content.check(dependency) == nil {
                diagnostics.append(
                    Diagnostic(
                        at: check.location, "check '\(check.id)' depends on '\(dependency)', which does not exist",
                        suggestion: EditDistance.closest(to: dependency, among: content.checks.map(\.id)).map { "did you mean '\($0)'?" }))
            }
            let labels = check.assertions.flatMap(\.labels)
            lintTextReferences(
                [check.title, check.failure] + check.hints + labels, lesson: lesson, content, at: check.location, "the text of check '\(check.id)'",
                fromAWSAlone: true, &diagnostics)
            // A check may use what its lesson (or a lesson it requires) defines or looks up, never what only a step saves.
            let defined = CourseLinter.awsAloneNames(of: lesson)
            let context = "check '\(check.id)'"
            switch check.source {
            case .reads(let calls):
                for call in calls {
                    if !call.operation.isCheckable {
                        diagnostics.append(
                            Diagnostic(
                                at: call.location, "\(context) calls \(call.operation), which is not a read",
                                suggestion: "checks may only call Describe*, List* and Get* operations"))
                    }
                    lintReferences(call.parameters, defined: defined, lesson: lesson, content, at: call.location, context, fromAWSAlone: true, &diagnostics)
                    catalog.map { lintOperation(call.operation, call.parameters, $0, at: call.location, &diagnostics) }
                }
            case .http(let probe):
                lintReferences(probe.url, defined: defined, lesson: lesson, content, at: probe.location, context, fromAWSAlone: true, &diagnostics)
            case .file(let probe):
                lintReferences(probe.path, defined: defined, lesson: lesson, content, at: probe.location, context, fromAWSAlone: true, &diagnostics)
            case .quiz:
                break
            }
            for assertion in check.assertions {
                lintAssertion(assertion, check: check, defined: defined, lesson: lesson, content, &diagnostics)
            }
        }
        lintDependencyCycles(content, &diagnostics)
    }

    private func lintAssertion(
        _ assertion: Assertion, check: Check, defined: Set<String>, lesson: Lesson, _ content: CourseContent,
        _ diagnostics: inout [Diagnostic]
    ) {
        if let problem = catalog?.expressionProblem(assertion.expression) {
            diagnostics.append(Diagnostic(at: assertion.location, "check '\(check.id)' has a bad expression: \(problem)"))
        }
        for reference in Assertion.expressionVariables(assertion.expression) where !defined.contains(reference.name) && lesson.savedNames[reference.name] != nil {
            diagnostics.append(
                Diagnostic(
                    at: assertion.location, "check '\(check.id)' uses $\(reference.name), which only a step saves: a grade comes from AWS alone",
                    suggestion: "add a lookup '\(reference.name)' that finds it in AWS"))
        }
        let context = "check '\(check.id)'"
        if let operand = assertion.comparison.operand {
            lintReferences(operand, defined: defined, lesson: lesson, content, at: assertion.location, context, fromAWSAlone: true, &diagnostics)
        }
        if let nested = assertion.comparison.nested {
            lintAssertion(nested, check: check, defined: defined, lesson: lesson, content, &diagnostics)
        }
        if case .matches(let pattern) = assertion.comparison, (try? Regex(pattern)) == nil {
            diagnostics.append(Diagnostic(at: assertion.location, "check '\(check.id)' has an invalid regular expression '\(pattern)'"))
        }
    }

    private func lintDependencyCycles(_ content: CourseContent, _ diagnostics: inout [Diagnostic]) {
        let edges = Dictionary(content.checks.map { ($0.id, $0.dependsOn) }, uniquingKeysWith: { first, _ in first })
        for cycle in CycleFinder.cycles(in: edges) {
            let location = content.check(cycle[0])?.location ?? SourceLocation(file: "checks")
            diagnostics.append(
                Diagnostic(at: location, "checks depend on each other in a cycle: \(cycle.joined(separator: " -> ")) -> \(cycle[0])"))
        }
    }

    private func lintRequirementCycles(_ content: CourseContent, _ diagnostics: inout [Diagnostic]) {
        let edges = Dictionary(content.lessons.map { ($0.id, $0.requires) }, uniquingKeysWith: { first, _ in first })
        for cycle in CycleFinder.cycles(in: edges) {
            let location = content.lesson(cycle[0])?.location ?? SourceLocation(file: "lessons")
            diagnostics.append(
                Diagnostic(at: location, "lessons require each other in a cycle: \(cycle.joined(separator: " -> ")) -> \(cycle[0])"))
        }
    }
}

/// One problem with an operation or its parameters, from the service models.
public struct OperationProblem: Sendable, Equatable {
    public var message: String
    public var suggestion: String?
    /// The parameter it is about (`Filters[0].Name`); empty for the call itself.
    public var path: String

    public init(_ message: String, suggestion: String? = nil, path: String = "") {
        self.message = message
        self.suggestion = suggestion
        self.path = path
    }
}

/// What lint asks of the service models and the expression language.
public protocol OperationCatalog: Sendable {
    /// Problems with calling `operation` with `parameters`, where strings
    /// holding `${...}` stand for values of any type.
    func problems(operation: OperationName, parameters: JSON) -> [OperationProblem]
    func waiters(of service: String) -> [String]
    /// Whether the service models have this operation at all.
    func knows(_ operation: OperationName) -> Bool
    /// Where a create call takes tags, or `nil` when it takes none.
    func tagParameter(of operation: OperationName) -> TagParameter?
    /// Why a JMESPath expression does not compile, or `nil`.
    func expressionProblem(_ expression: String) -> String?
}

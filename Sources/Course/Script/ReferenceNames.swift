import JSON

/// What each `${...}` of a lesson is in its script: a setting at the top
/// (a lesson variable), a value the CLI's configuration gives when the
/// script runs (`account`, `region`), a value an earlier call captured, a
/// value imported from an earlier lesson's ids file or looked up in the
/// account, or a literal known now. Collects the settings and imports the
/// script needs as it goes.
struct ReferenceNames {
    enum Meaning {
        case variable(String)
        case literal(String)
    }

    let builder: LessonScriptBuilder
    let lesson: Lesson
    var settings: [ScriptPlan.Setting] = []
    var imports: [ScriptPlan.Import] = []
    var usedRuntime: Set<String> = []
    /// The lesson's own values captured so far by the script's calls.
    var defined: Set<String> = []
    /// In a teardown script every value of the lesson is imported: from the ids file, or looked up.
    var undoing = false
    private var inProgress: Set<String> = []
    private var inline: [ScriptPlan.Import] = []

    init(builder: LessonScriptBuilder, lesson: Lesson) {
        self.builder = builder
        self.lesson = lesson
    }

    /// A shell variable name: the lesson's own as they are, another
    /// lesson's prefixed with its id (`network_vpc_id`).
    func shellName(_ name: String, of lessonID: String) -> String {
        let full = lessonID == lesson.id ? name : "\(lessonID)_\(name)"
        return String(full.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    mutating func meaning(of reference: VariableReference, in context: Lesson) -> Meaning {
        let owner = reference.lesson.flatMap { builder.content.lesson($0) } ?? context
        let name = shellName(reference.name, of: owner.id)
        if let variable = owner.variables.first(where: { $0.name == reference.name }) {
            if !settings.contains(where: { $0.name == name }) {
                let value = builder.overrides[reference.name] ?? variable.defaultValue
                settings.append(ScriptPlan.Setting(name: name, value: value, about: variable.description?[builder.language]))
            }
            return .variable(name)
        }
        if reference.lesson == nil, LessonScriptBuilder.runtimeBuiltIns.contains(reference.name) {
            usedRuntime.insert(reference.name)
            return .variable(reference.name)
        }
        if reference.lesson == nil, let value = builder.builtIns[reference.name] { return .literal(value) }
        if owner.savedNames[reference.name] != nil || owner.lookup(reference.name) != nil {
            if owner.id == lesson.id, !undoing {
                if defined.contains(reference.name) { return .variable(name) }
                // What only a lookup of this lesson finds (the group a step
                // made) is looked up where it is used, once it exists.
                if owner.savedNames[reference.name] == nil, let found = importing(reference.name, of: owner, as: name) {
                    defined.insert(reference.name)
                    inline.append(found)
                    return .variable(name)
                }
            }
            importValue(reference.name, of: owner, as: name)
            return .variable(name)
        }
        return .literal(reference.description)
    }

    private mutating func importValue(_ saved: String, of owner: Lesson, as name: String) {
        guard !imports.contains(where: { $0.name == name }), let found = importing(saved, of: owner, as: name) else { return }
        imports.append(found)
    }

    /// Lookups to run just before the item being built, in their order.
    mutating func takeInline() -> [ScriptPlan.Import] {
        defer { inline = [] }
        return inline
    }

    private mutating func importing(_ saved: String, of owner: Lesson, as name: String) -> ScriptPlan.Import? {
        guard !inProgress.contains(name) else { return nil }
        inProgress.insert(name)
        defer { inProgress.remove(name) }
        var command: ScriptPlan.Command?
        var looksFor = "\(owner.id).\(saved)"
        if let lookup = owner.lookup(saved), let input = try? json(lookup.read.parameters, in: owner) {
            let picked = "map(&(\(lookup.value)), (\(lookup.matches)))"
            command = ScriptPlan.Command(operation: lookup.read.operation, input: input, query: lookup.many ? picked : "\(picked)[0]")
            looksFor = fill(lookup.looksFor[builder.language], in: owner)
        }
        return ScriptPlan.Import(name: name, lesson: owner.id, savedAs: saved, lookup: command, looksFor: looksFor)
    }

    mutating func json(_ template: Template) throws -> JSON {
        try json(template, in: lesson)
    }

    mutating func json(_ template: Template, in context: Lesson) throws(TemplateError) -> JSON {
        var meanings: [VariableReference: Meaning] = [:]
        for reference in template.references { meanings[reference] = meaning(of: reference, in: context) }
        return try template.resolve { reference in
            switch meanings[reference] {
            case .variable(let name): .string(ScriptPlan.placeholder(name))
            case .literal(let value): .string(value)
            case nil: nil
            }
        }
    }

    mutating func text(_ template: Template) throws -> String {
        let value = try json(template)
        return value.stringValue ?? value.text
    }

    /// A text a person reads: settings and literals filled in, values the
    /// script captures written as the shell variable that holds them.
    mutating func fill(_ text: String) -> String {
        fill(text, in: lesson)
    }

    private mutating func fill(_ text: String, in context: Lesson) -> String {
        guard TemplateString.mayHoldReference(text), let template = try? TemplateString(parsing: text) else { return text }
        return template.parts.map { part in
            switch part {
            case .literal(let literal): return literal
            case .reference(let reference):
                switch meaning(of: reference, in: context) {
                case .literal(let value): return value
                case .variable(let name):
                    return settings.first { $0.name == name }?.value ?? "$\(name)"
                }
            }
        }.joined()
    }
}

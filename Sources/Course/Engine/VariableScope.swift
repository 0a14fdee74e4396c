import JSON

/// The values `${...}` references resolve to while a lesson runs: built-ins
/// (`account`, `region`, `owner`, ...), the lesson's variables with the
/// learner's `--set` overrides, and what calls saved, in this lesson or the
/// lessons it requires.
public struct VariableScope: Sendable {
    public var lesson: String
    public var builtIns: [String: JSON]
    public var variables: [String: String]
    public var saved: [String: JSONObject]
    /// Other lessons' variables, by lesson: `${network.vpc_name}`.
    public var otherVariables: [String: [String: String]]

    public init(
        lesson: String, builtIns: [String: JSON], variables: [String: String], saved: [String: JSONObject],
        otherVariables: [String: [String: String]] = [:]
    ) {
        self.lesson = lesson
        self.builtIns = builtIns
        self.variables = variables
        self.saved = saved
        self.otherVariables = otherVariables
    }

    /// The scope of `lesson`: its defaults overridden by `overrides`, the
    /// values already saved in `progress`, and the variables of the other
    /// lessons of `content`, overridden by the same names: the learner names
    /// a thing once.
    public init(lesson: Lesson, builtIns: [String: JSON], overrides: [String: String], progress: LearnerProgress, content: CourseContent? = nil) {
        func values(_ lesson: Lesson) -> [String: String] {
            Dictionary(lesson.variables.map { ($0.name, overrides[$0.name] ?? $0.defaultValue) }, uniquingKeysWith: { first, _ in first })
        }
        var others: [String: [String: String]] = [:]
        for other in content?.lessons ?? [] where other.id != lesson.id { others[other.id] = values(other) }
        // `${price.nat_gateway_hour}` in a text: the price in the learner's region.
        if let prices = content?.prices, let region = builtIns["region"]?.stringValue {
            others[PriceList.referenceName] = prices.shown(region: region)
        }
        self.init(lesson: lesson.id, builtIns: builtIns, variables: values(lesson), saved: progress.saved, otherVariables: others)
    }

    /// The scope another lesson's lookups run in: its own variables, the
    /// same built-ins and what is known so far.
    public func scope(of other: String) -> VariableScope {
        guard other != lesson else { return self }
        var others = otherVariables
        others[other] = nil
        others[lesson] = variables
        var builtIns = self.builtIns
        if builtIns["lesson"] != nil { builtIns["lesson"] = .string(other) }
        return VariableScope(lesson: other, builtIns: builtIns, variables: otherVariables[other] ?? [:], saved: saved, otherVariables: others)
    }

    /// The same scope without what the tutor saved: a grade, and a lookup,
    /// come from AWS alone.
    public var withoutSaved: VariableScope {
        var scope = self
        scope.saved = [:]
        return scope
    }

    public func value(of reference: VariableReference) -> JSON? {
        let lessonID = reference.lesson ?? lesson
        if let value = saved[lessonID]?[reference.name] { return value }
        if reference.lesson == nil || reference.lesson == lesson {
            if let value = variables[reference.name] { return .string(value) }
            if let value = builtIns[reference.name] { return value }
        }
        return otherVariables[lessonID]?[reference.name].map(JSON.string)
    }

    /// Whether `reference` names a value read back from AWS, as opposed to one
    /// the learner or the lesson typed in: only such values may steer an HTTP
    /// probe away from loopback.
    public func isSaved(_ reference: VariableReference) -> Bool {
        saved[reference.lesson ?? lesson]?[reference.name] != nil
    }

    public mutating func save(_ value: JSON, as name: String) {
        saved[lesson, default: JSONObject()][name] = value
    }

    public func resolve(_ template: Template) throws(TemplateError) -> JSON {
        try template.resolve { value(of: $0) }
    }

    /// Resolves what is known and leaves the rest written as `${name}`: what
    /// a dry run shows for values only an earlier call would produce.
    public func resolveForDisplay(_ template: Template) -> JSON {
        (try? template.resolve { reference in value(of: reference) ?? .string(reference.description) }) ?? template.json
    }

    /// A text a person reads with `${...}` filled in: the learner's values
    /// where known (their `--set`, ids already saved), and `<name>` where a
    /// value is still to come. A text that is no template is left as it is.
    public func fill(_ text: String) -> String {
        guard TemplateString.mayHoldReference(text), let template = try? TemplateString(parsing: text) else { return text }
        return template.parts.map { part in
            switch part {
            case .literal(let literal): return literal
            case .reference(let reference):
                guard let value = value(of: reference) else { return "<\(reference.name)>" }
                return value.stringValue ?? value.text
            }
        }.joined()
    }

    public func fill(_ text: LocalizedText) -> LocalizedText {
        text.map { fill($0) }
    }
}

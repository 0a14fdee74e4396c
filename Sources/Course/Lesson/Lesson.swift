/// One lesson of the course, as loaded from `lessons/NN-id/lesson.yaml`.
public struct Lesson: Sendable {
    public var id: String
    public var order: Int
    public var title: LocalizedText
    public var summary: LocalizedText
    /// Lessons whose saved values this one uses, to be done first.
    public var requires: [String]
    public var cost: LessonCost?
    public var variables: [LessonVariable]
    /// How the values its checks need are found in AWS.
    public var lookups: [Lookup]
    public var steps: [Step]
    public var location: SourceLocation

    public init(
        id: String, order: Int, title: LocalizedText, summary: LocalizedText, requires: [String] = [],
        cost: LessonCost? = nil, variables: [LessonVariable] = [], lookups: [Lookup] = [], steps: [Step] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.order = order
        self.title = title
        self.summary = summary
        self.requires = requires
        self.cost = cost
        self.variables = variables
        self.lookups = lookups
        self.steps = steps
        self.location = location
    }

    public func step(_ id: String) -> Step? {
        steps.first { $0.id == id }
    }

    public func lookup(_ name: String) -> Lookup? {
        lookups.first { $0.name == name }
    }

    /// Names this lesson's calls save, with the step that saves each first.
    public var savedNames: [String: String] {
        var names: [String: String] = [:]
        for step in steps {
            for call in step.calls {
                for save in call.save where names[save.name] == nil {
                    names[save.name] = step.id
                }
            }
        }
        return names
    }
}

/// What a lesson's resources cost while they live, and what it leaves running.
public struct LessonCost: Sendable {
    public var usdPerHour: Double
    /// The price items `usdPerHour` comes from, as on a call.
    public var priceItems: [String: Double] = [:]
    public var note: LocalizedText

    public init(usdPerHour: Double, note: LocalizedText) {
        self.usdPerHour = usdPerHour
        self.note = note
    }
}

/// A name the lesson tells the learner to use, with its default; `--set
/// name=value` overrides it.
public struct LessonVariable: Sendable {
    public var name: String
    public var defaultValue: String
    public var description: LocalizedText?
    public var location: SourceLocation

    public init(name: String, defaultValue: String, description: LocalizedText? = nil, location: SourceLocation) {
        self.name = name
        self.defaultValue = defaultValue
        self.description = description
        self.location = location
    }
}

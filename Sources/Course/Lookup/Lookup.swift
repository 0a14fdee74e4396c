/// How a lesson finds one value in AWS the way a person finds it in the
/// console: one read, the resources in its answer that match, and the value
/// taken from them. Checks use lookups instead of what the tutor saved, so a
/// lab built by hand, or an account the tutor never saw, is graded the same.
public struct Lookup: Sendable {
    public var name: String
    public var lesson: String
    public var read: ReadCall
    /// JMESPath over the response: the resources that match.
    public var matches: String
    /// JMESPath over one match: the value the lookup stands for.
    public var value: String
    /// Whether the value is every match's (a list), rather than that of
    /// exactly one match.
    public var many: Bool
    /// What is looked for, as a person says it: "VPC named ${vpc_name}".
    public var looksFor: LocalizedText
    /// JMESPath over one match giving `{name, id, about, default}`: how a
    /// match, or a resource near it, is shown to a person.
    public var shows: String?
    /// Where to look for what comes close when nothing matches.
    public var nearby: LookupNearby?
    /// Another lookup of the lesson to use when this one finds nothing: the
    /// lesson's name first, then the way the console's names are found.
    public var otherwise: String?
    public var location: SourceLocation

    public init(
        name: String, lesson: String, read: ReadCall, matches: String, value: String, many: Bool = false,
        looksFor: LocalizedText, shows: String? = nil, nearby: LookupNearby? = nil, otherwise: String? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.lesson = lesson
        self.read = read
        self.matches = matches
        self.value = value
        self.many = many
        self.looksFor = looksFor
        self.shows = shows
        self.nearby = nearby
        self.otherwise = otherwise
        self.location = location
    }

    /// Every value the lookup needs: `${...}` in its read, `$name` in its
    /// expressions.
    public var references: [VariableReference] {
        read.parameters.references + Assertion.expressionVariables(matches) + Assertion.expressionVariables(value)
    }
}

/// The resources a lookup lists when nothing matches, such as every VPC of
/// the region, and the variable whose `--set` would pick one of them.
public struct LookupNearby: Sendable {
    public var read: ReadCall
    /// JMESPath over the response: the resources to list.
    public var items: String
    /// What the list is, as a heading: "VPCs in ${region}".
    public var label: LocalizedText
    /// The lesson variable a learner sets to use one of them.
    public var variable: String?

    public init(read: ReadCall, items: String, label: LocalizedText, variable: String? = nil) {
        self.read = read
        self.items = items
        self.label = label
        self.variable = variable
    }
}

import JSON

/// JSON whose strings may hold `${...}` references: the parameters of a call,
/// an expected value, a URL. Parsed once at load time, so lint can check every
/// reference before anything runs.
public struct Template: Sendable {
    public let json: JSON
    public let references: [VariableReference]
    /// Where each reference was written, for messages that point at it.
    public let referenceLocations: [VariableReference: SourceLocation]

    public init(_ json: JSON) throws(TemplateError) {
        var found: [VariableReference] = []
        try Template.collect(json, into: &found)
        self.init(json: json, references: found, locations: [:])
    }

    /// A value with no references, which cannot fail to parse.
    public static func constant(_ json: JSON) -> Template {
        Template(json: json, references: [], locations: [:])
    }

    /// A template read from a lesson or check file, remembering where each
    /// reference stands.
    public init(_ node: SourceNode) throws(TemplateError) {
        let json = node.json
        var found: [VariableReference] = []
        try Template.collect(json, into: &found)
        var locations: [VariableReference: SourceLocation] = [:]
        try Template.locate(node, into: &locations)
        self.init(json: json, references: found, locations: locations)
    }

    /// Where `reference` was written, or `fallback` when unknown.
    public func location(of reference: VariableReference, or fallback: SourceLocation) -> SourceLocation {
        referenceLocations[reference] ?? fallback
    }

    private init(json: JSON, references: [VariableReference], locations: [VariableReference: SourceLocation]) {
        self.json = json
        self.references = references
        self.referenceLocations = locations
    }

    private static func locate(_ node: SourceNode, into locations: inout [VariableReference: SourceLocation]) throws(TemplateError) {
        switch node.value {
        case .scalar(let text, _):
            guard TemplateString.mayHoldReference(text) else { return }
            for reference in try TemplateString(parsing: text).references where locations[reference] == nil {
                locations[reference] = node.location
            }
        case .sequence(let items):
            for item in items { try locate(item, into: &locations) }
        case .mapping(let pairs):
            for pair in pairs { try locate(pair.value, into: &locations) }
        }
    }

    /// Replaces every reference with its value from `lookup`. A string that is
    /// exactly one reference becomes that value itself; inside longer text the
    /// value is spliced in as text.
    public func resolve(_ lookup: (VariableReference) -> JSON?) throws(TemplateError) -> JSON {
        try Template.resolve(json, lookup)
    }

    private static func collect(_ json: JSON, into found: inout [VariableReference]) throws(TemplateError) {
        switch json {
        case .string(let text):
            guard TemplateString.mayHoldReference(text) else { return }
            found += try TemplateString(parsing: text).references
        case .array(let items):
            for item in items { try collect(item, into: &found) }
        case .object(let object):
            for (_, value) in object { try collect(value, into: &found) }
        default:
            return
        }
    }

    private static func resolve(_ json: JSON, _ lookup: (VariableReference) -> JSON?) throws(TemplateError) -> JSON {
        switch json {
        case .string(let text):
            guard TemplateString.mayHoldReference(text) else { return json }
            let template = try TemplateString(parsing: text)
            if let whole = template.wholeReference {
                guard let value = lookup(whole) else { throw TemplateError.undefined(whole) }
                return value
            }
            var output = ""
            for part in template.parts {
                switch part {
                case .literal(let literal): output += literal
                case .reference(let reference):
                    guard let value = lookup(reference) else { throw TemplateError.undefined(reference) }
                    output += value.stringValue ?? value.text
                }
            }
            return .string(output)
        case .array(let items):
            var resolved: [JSON] = []
            resolved.reserveCapacity(items.count)
            for item in items { resolved.append(try resolve(item, lookup)) }
            return .array(resolved)
        case .object(let object):
            var resolved = JSONObject()
            for (key, value) in object { resolved[key] = try resolve(value, lookup) }
            return .object(resolved)
        default:
            return json
        }
    }
}

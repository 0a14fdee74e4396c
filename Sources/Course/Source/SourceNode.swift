import JSON

/// A YAML node with the place it came from. Lesson and check files are read
/// into these first, so that every later complaint can point at a line.
public struct SourceNode: Sendable {
    public enum Value: Sendable {
        /// `quoted` scalars are always strings; plain ones resolve as YAML's
        /// core schema says (`true`, `12`, `null`, ...).
        case scalar(String, quoted: Bool)
        case mapping([(key: SourceNode, value: SourceNode)])
        case sequence([SourceNode])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public var kindName: String {
        switch value {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The scalar's text, or `nil` for a mapping or a list.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    public var sequence: [SourceNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var mapping: [(key: SourceNode, value: SourceNode)]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The member whose key is `key`, for a mapping.
    public subscript(key: String) -> SourceNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// The node as JSON, resolving plain scalars by YAML's core schema, as an
    /// author writing `Port: 80` or `Enabled: true` means them.
    public var json: JSON {
        switch value {
        case .scalar(let text, let quoted):
            return quoted ? .string(text) : SourceNode.resolvePlain(text)
        case .sequence(let items):
            return .array(items.map(\.json))
        case .mapping(let pairs):
            var object = JSONObject()
            for (key, value) in pairs { object[key.scalar ?? ""] = value.json }
            return .object(object)
        }
    }

    static func resolvePlain(_ text: String) -> JSON {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let integer = Int(text) { return .integer(integer) }
        if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
            text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
            let double = Double(text), double.isFinite
        {
            return .double(double)
        }
        return .string(text)
    }
}

import JSON

/// One named shape of a service model.
public struct Shape: Sendable {
    public struct Member: Sendable {
        public var name: String
        public var reference: ShapeReference
    }

    public var name: String
    public var type: ShapeType
    /// Structure members in model order, which is also the order in which the
    /// CLI prints a response's keys.
    public var members: [Member]
    public var required: Set<String>
    /// The element of a list.
    public var member: ShapeReference?
    public var key: ShapeReference?
    public var value: ShapeReference?
    public var enumValues: [String]?
    public var min: Double?
    public var max: Double?
    public var pattern: String?
    public var traits: SerializationTraits
    public var isException: Bool
    /// The error code of an exception shape when it differs from its name.
    public var errorCode: String?
    public var isDocument: Bool
    public var isUnion: Bool
    /// Marked sensitive by AWS (passwords, secret values): never shown.
    public var isSensitive: Bool

    private var memberIndex: [String: Int]

    init(name: String, json: JSONObject) throws(ServiceModelError) {
        guard let typeName = json["type"]?.stringValue else {
            throw ServiceModelError(message: "shape \(name) has no type")
        }
        // `character` and `bigdecimal` never appear in the course's models;
        // treating them as their closest kinds keeps the loader total.
        let mapped: ShapeType? = ShapeType(rawValue: typeName)
            ?? (typeName == "character" ? .string : typeName == "bigdecimal" ? .double : typeName == "biginteger" ? .long : nil)
        guard let type = mapped else {
            throw ServiceModelError(message: "shape \(name) has unknown type \(typeName)")
        }
        self.name = name
        self.type = type
        var members: [Member] = []
        var index: [String: Int] = [:]
        if let object = json["members"]?.objectValue {
            members.reserveCapacity(object.count)
            for (memberName, definition) in object.members {
                guard let reference = ShapeReference(definition) else {
                    throw ServiceModelError(message: "member \(name).\(memberName) names no shape")
                }
                index[memberName] = members.count
                members.append(Member(name: memberName, reference: reference))
            }
        }
        self.members = members
        self.memberIndex = index
        required = Set((json["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        member = ShapeReference(json["member"])
        key = ShapeReference(json["key"])
        value = ShapeReference(json["value"])
        enumValues = json["enum"]?.arrayValue?.compactMap(\.stringValue)
        min = json["min"]?.doubleValue
        max = json["max"]?.doubleValue
        pattern = json["pattern"]?.stringValue
        traits = SerializationTraits(json)
        isException = json["exception"]?.boolValue ?? false
        errorCode = json["error"]?["code"]?.stringValue
        isDocument = json["document"]?.boolValue ?? false
        isUnion = json["union"]?.boolValue ?? false
        isSensitive = json["sensitive"]?.boolValue ?? false
    }

    public func member(named name: String) -> ShapeReference? {
        memberIndex[name].map { members[$0].reference }
    }

    public var memberNames: [String] { members.map(\.name) }
}

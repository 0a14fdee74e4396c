import JSON

/// How a shape or a member reference is placed on the wire: botocore's
/// "serialization" attributes. A member reference's traits override those of
/// the shape it targets (`resolved(over:)`), as botocore merges them.
public struct SerializationTraits: Sendable, Equatable {
    /// `locationName`: the wire name (query key, XML tag, JSON key, header or URI label).
    public var name: String?
    /// ec2's explicit query key, which wins over `name`.
    public var queryName: String?
    public var flattened: Bool?
    /// `uri`, `querystring`, `header`, `headers` or `statusCode`; `nil` is the body.
    public var location: String?
    public var payload: String?
    public var timestampFormat: String?
    public var xmlNamespace: String?
    public var resultWrapper: String?
    public var xmlAttribute: Bool?
    public var jsonvalue: Bool?
    public var hostLabel: Bool?
    public var eventstream: Bool?

    public init() {}

    init(_ object: JSONObject) {
        name = object["locationName"]?.stringValue
        queryName = object["queryName"]?.stringValue
        flattened = object["flattened"]?.boolValue
        location = object["location"]?.stringValue
        payload = object["payload"]?.stringValue
        timestampFormat = object["timestampFormat"]?.stringValue
        if let namespace = object["xmlNamespace"] {
            xmlNamespace = namespace.stringValue ?? namespace["uri"]?.stringValue
        }
        resultWrapper = object["resultWrapper"]?.stringValue
        xmlAttribute = object["xmlAttribute"]?.boolValue
        jsonvalue = object["jsonvalue"]?.boolValue
        hostLabel = object["hostLabel"]?.boolValue
        eventstream = object["eventstream"]?.boolValue
    }

    /// These traits laid over `base`: every trait set here wins.
    public func resolved(over base: SerializationTraits) -> SerializationTraits {
        var merged = base
        merged.name = name ?? base.name
        merged.queryName = queryName ?? base.queryName
        merged.flattened = flattened ?? base.flattened
        merged.location = location ?? base.location
        merged.payload = payload ?? base.payload
        merged.timestampFormat = timestampFormat ?? base.timestampFormat
        merged.xmlNamespace = xmlNamespace ?? base.xmlNamespace
        merged.resultWrapper = resultWrapper ?? base.resultWrapper
        merged.xmlAttribute = xmlAttribute ?? base.xmlAttribute
        merged.jsonvalue = jsonvalue ?? base.jsonvalue
        merged.hostLabel = hostLabel ?? base.hostLabel
        merged.eventstream = eventstream ?? base.eventstream
        return merged
    }

    public var isFlattened: Bool { flattened ?? false }
}

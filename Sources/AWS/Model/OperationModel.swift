import JSON

/// One operation: how it is sent and which shapes go in and out.
public struct OperationModel: Sendable {
    public var name: String
    public var httpMethod: String
    public var requestURI: String
    public var input: ShapeReference?
    public var output: ShapeReference?
    public var errors: [String]
    /// A host prefix such as `data-` for operations served from another host.
    public var hostPrefix: String?

    init(name: String, json: JSONObject) {
        self.name = name
        httpMethod = json["http"]?["method"]?.stringValue ?? "POST"
        requestURI = json["http"]?["requestUri"]?.stringValue ?? "/"
        input = ShapeReference(json["input"])
        output = ShapeReference(json["output"])
        errors = (json["errors"]?.arrayValue ?? []).compactMap { $0["shape"]?.stringValue }
        hostPrefix = json["endpoint"]?["hostPrefix"]?.stringValue
    }
}

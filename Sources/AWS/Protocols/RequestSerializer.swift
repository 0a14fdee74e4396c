import JSON

/// Turns an operation's parameters (JSON in the API's shape) into the unsigned
/// HTTP request that botocore would send, for the `ec2`, `query`, `json` and
/// `rest-json` protocols.
public struct RequestSerializer: Sendable {
    public let model: ServiceModel

    public init(model: ServiceModel) {
        self.model = model
    }

    /// The request for `operation` with `input`. Idempotency tokens that are
    /// absent are generated, as the SDKs do. A model host prefix (`data-`) is
    /// prepended only when `injectHostPrefix` is set: botocore prepends it even
    /// to an endpoint the caller named, which breaks loopback endpoints (moto).
    public func request(
        _ operation: OperationModel, input: JSON, endpoint: Endpoint, injectHostPrefix: Bool = false
    ) throws -> HTTPRequest {
        let input = try InputCustomizations.apply(to: input.isNull ? .object(JSONObject()) : input, operation: operation, model: model)
        var request = HTTPRequest(method: operation.httpMethod, scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port)
        var path = operation.requestURI
        switch model.metadata.protocol {
        case "ec2", "query":
            var encoder = QueryParameterEncoder(model: model)
            if let reference = operation.input {
                try encoder.encode(input, as: try model.resolve(reference), prefix: "")
            }
            let pairs = [("Action", operation.name), ("Version", model.metadata.apiVersion)] + encoder.pairs
            request.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
            request.body = Array(FormURLEncoding.encode(pairs).utf8)
        case "json":
            guard let targetPrefix = model.metadata.targetPrefix else {
                throw RequestSerializationError("the model of \(model.name) has no targetPrefix")
            }
            request.headers["X-Amz-Target"] = "\(targetPrefix).\(operation.name)"
            request.headers["Content-Type"] = "application/x-amz-json-\(model.metadata.jsonVersion ?? "1.0")"
            var body = JSON.object(JSONObject())
            if let reference = operation.input {
                body = try JSONBodyEncoder(model: model).encode(input, as: try model.resolve(reference), path: "")
            }
            request.body = Array(body.text.utf8)
        case "rest-json":
            path = try bindRESTJSON(operation, input: input, into: &request)
        default:
            throw RequestSerializationError("ecslab cannot speak the \(model.metadata.protocol) protocol of \(model.name)")
        }
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[path.index(after: mark)...])
            path = String(path[..<mark])
        }
        if !request.query.isEmpty {
            query = query.isEmpty ? request.query : query + "&" + request.query
        }
        request.path = endpoint.request(method: request.method, path: path).path
        request.query = query
        if injectHostPrefix, let prefix = operation.hostPrefix {
            request.host = try expandHostPrefix(prefix, input: input) + request.host
        }
        return request
    }

    /// rest-json: members bound to the URI, query string and headers; the rest
    /// form the JSON body. Returns the rendered path (with any literal query).
    private func bindRESTJSON(_ operation: OperationModel, input: JSON, into request: inout HTTPRequest) throws -> String {
        guard let reference = operation.input else { return operation.requestURI }
        let inputShape = try model.resolve(reference)
        var labels: [String: String] = [:]
        var queryPairs: [(String, String)] = []
        var body = JSONObject()
        for (key, value) in input.objectValue?.members ?? [] {
            if value.isNull { continue }
            guard let memberReference = inputShape.shape.member(named: key) else {
                throw RequestSerializationError("\(inputShape.shape.name) has no member \(key)")
            }
            let member = try model.resolve(memberReference)
            let wireName = member.traits.name ?? key
            switch member.traits.location {
            case "uri":
                labels[wireName] = uriText(value, member)
            case "querystring":
                if case .object(let map) = value {
                    for (mapKey, mapValue) in map.members { queryPairs.append((mapKey, ScalarText.of(mapValue))) }
                } else if case .array(let items) = value, let elementReference = member.shape.member {
                    let element = try model.resolve(elementReference)
                    for item in items { queryPairs.append((wireName, uriText(item, element))) }
                } else {
                    queryPairs.append((wireName, uriText(value, member)))
                }
            case "header":
                if case .array(let items) = value {
                    if items.isEmpty { continue }
                    request.headers[wireName] = items.map { item in
                        let text = ScalarText.of(item)
                        return text.contains("\"") || text.contains(",")
                            ? "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : text
                    }.joined(separator: ",")
                } else if member.type == .timestamp, let timestamp = AWSTimestamp(value) {
                    request.headers[wireName] = ScalarText.of(timestamp.formatted(member.traits.timestampFormat ?? "rfc822"))
                } else {
                    request.headers[wireName] = ScalarText.of(value)
                }
            case "headers":
                for (suffix, headerValue) in value.objectValue?.members ?? [] {
                    request.headers[wireName + suffix] = ScalarText.of(headerValue)
                }
            default:
                body[key] = value
            }
        }
        var path = ""
        var template = Substring(operation.requestURI)
        while let open = template.firstIndex(of: "{") {
            path += template[..<open]
            guard let close = template[open...].firstIndex(of: "}") else { break }
            var label = String(template[template.index(after: open)..<close])
            let greedy = label.hasSuffix("+")
            if greedy { label.removeLast() }
            guard let value = labels[label] else {
                throw RequestSerializationError("\(operation.name) needs \(label) for its URI")
            }
            path += FormURLEncoding.percentEncode(value, safe: greedy ? [UInt8(ascii: "/"), UInt8(ascii: "~")] : [])
            template = template[template.index(after: close)...]
        }
        path += template
        request.query = queryPairs.map { FormURLEncoding.percentEncode($0.0) + "=" + FormURLEncoding.percentEncode($0.1) }
            .joined(separator: "&")
        if let payload = inputShape.traits.payload {
            if let value = input[payload], !value.isNull, let payloadReference = inputShape.shape.member(named: payload) {
                let payloadShape = try model.resolve(payloadReference)
                if payloadShape.type == .blob || payloadShape.type == .string {
                    request.body = Array(ScalarText.of(value).utf8)
                    return path
                }
                request.body = Array(try JSONBodyEncoder(model: model).encode(value, as: payloadShape, path: payload).text.utf8)
            } else {
                request.body = Array("{}".utf8)
            }
        } else if !body.isEmpty {
            request.body = Array(try JSONBodyEncoder(model: model).encode(.object(body), as: inputShape, path: "").text.utf8)
        } else if inputShape.shape.members.contains(where: { (try? model.resolve($0.reference).traits.location) ?? nil == nil }) {
            request.body = Array("{}".utf8)
        }
        if !request.body.isEmpty && request.headers["Content-Type"] == nil {
            request.headers["Content-Type"] = "application/json"
        }
        return path
    }

    private func uriText(_ value: JSON, _ shape: ResolvedShape) -> String {
        switch shape.type {
        case .timestamp:
            guard let timestamp = AWSTimestamp(value) else { return ScalarText.of(value) }
            return ScalarText.of(timestamp.formatted(shape.traits.timestampFormat ?? "iso8601"))
        default:
            return ScalarText.of(value)
        }
    }

    private func expandHostPrefix(_ template: String, input: JSON) throws -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            let label = String(rest[rest.index(after: open)..<close])
            guard let value = input[label]?.stringValue,
                value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") })
            else {
                throw RequestSerializationError("\(label) must contain only alphanumeric characters, hyphen, or period.")
            }
            output += value
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}

import JSON

/// Turns a successful response into the JSON the `aws` CLI (v1) prints for
/// the same call, following botocore's parsers with the CLI's settings:
/// members in model order, timestamps exactly as they came over the wire, blobs
/// left base64-encoded, and `ResponseMetadata` left out. Failed responses
/// become the foundation's `AWSServiceError`.
public struct ResponseParser: Sendable {
    public let model: ServiceModel

    public init(model: ServiceModel) {
        self.model = model
    }

    /// The output of `operation` from `response`; throws `AWSServiceError`
    /// for an error status and `ResponseParseError` for a body it cannot read.
    public func parse(_ response: HTTPResponse, for operation: OperationModel) throws -> JSON {
        if response.status >= 300 {
            throw AWSErrorResponseParser.parse(response)
        }
        guard let reference = operation.output else { return .object(JSONObject()) }
        let shape = try model.resolve(reference)
        var output: JSON
        switch model.metadata.protocol {
        case "ec2", "query":
            output = try parseXMLBody(response, shape: shape)
        case "json":
            output = try JSONShapeReader(model: model).read(try Self.jsonBody(response), as: shape) ?? .object(JSONObject())
        case "rest-json":
            output = try parseRESTJSON(response, shape: shape)
        default:
            throw ResponseParseError("ecslab cannot read the \(model.metadata.protocol) protocol of \(model.name)")
        }
        return try ResponseCustomizations.apply(to: output, operation: operation, model: model)
    }

    private func parseXMLBody(_ response: HTTPResponse, shape: ResolvedShape) throws -> JSON {
        let root: XMLElement
        do {
            root = try XMLElement(parsing: response.body)
        } catch {
            if let page = WebPageSummary(response.body, contentType: response.headers["Content-Type"]) {
                throw ResponseParseError(page.sentence + ".")
            }
            throw ResponseParseError("the response is not XML (\(error)); further retries may succeed")
        }
        var start = root
        if let wrapper = shape.traits.resultWrapper {
            guard let wrapped = root.children.first(where: { $0.localName == wrapper }) else {
                return .object(JSONObject())
            }
            start = wrapped
        }
        return try XMLShapeReader(model: model).read([start], as: shape)
    }

    private func parseRESTJSON(_ response: HTTPResponse, shape: ResolvedShape) throws -> JSON {
        var output = JSONObject()
        let reader = JSONShapeReader(model: model)
        for member in shape.shape.members {
            let memberShape = try model.resolve(member.reference)
            switch memberShape.traits.location {
            case "statusCode":
                output[member.name] = .integer(response.status)
            case "header":
                if let value = response.headers[memberShape.traits.name ?? member.name] {
                    output[member.name] = reader.readHeader(value, as: memberShape)
                }
            case "headers":
                let prefix = (memberShape.traits.name ?? "").lowercased()
                var map = JSONObject()
                for field in response.headers.fields where field.name.lowercased().hasPrefix(prefix) {
                    map[String(field.name.dropFirst(prefix.count))] = .string(field.value)
                }
                output[member.name] = .object(map)
            default:
                break
            }
        }
        if let payload = shape.traits.payload, let payloadReference = shape.shape.member(named: payload) {
            let payloadShape = try model.resolve(payloadReference)
            if payloadShape.type == .string || payloadShape.type == .blob {
                output[payload] = .string(response.bodyText)
            } else if let value = try reader.read(try Self.jsonBody(response), as: payloadShape) {
                output[payload] = value
            }
        } else if case .object(let body)? = try reader.read(try Self.jsonBody(response), as: shape) {
            for (key, value) in body.members { output[key] = value }
        }
        return .object(output)
    }

    static func jsonBody(_ response: HTTPResponse) throws -> JSON {
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .object(JSONObject())
        }
        do {
            return try JSON(parsing: response.body)
        } catch {
            if let page = WebPageSummary(response.body, contentType: response.headers["Content-Type"]) {
                throw ResponseParseError(page.sentence + ".")
            }
            throw ResponseParseError("the response is not JSON (\(error))")
        }
    }
}

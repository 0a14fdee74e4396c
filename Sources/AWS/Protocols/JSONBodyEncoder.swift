import JSON

/// Builds the JSON body of the `json` and `rest-json` protocols: members under
/// their locationName, timestamps as epoch seconds unless the shape says
/// otherwise, blobs base64, documents as given.
struct JSONBodyEncoder {
    let model: ServiceModel

    func encode(_ value: JSON, as shape: ResolvedShape, path: String) throws -> JSON {
        switch shape.type {
        case .structure:
            if shape.shape.isDocument { return value }
            guard case .object(let object) = value else { throw RequestSerializationError("\(path) must be a structure") }
            var output = JSONObject()
            for (key, member) in object.members {
                if member.isNull { continue }
                guard let reference = shape.shape.member(named: key) else {
                    throw RequestSerializationError("\(shape.shape.name) has no member \(key)")
                }
                let memberShape = try model.resolve(reference)
                output[memberShape.traits.name ?? key] = try encode(member, as: memberShape, path: path.isEmpty ? key : "\(path).\(key)")
            }
            return .object(output)
        case .list:
            guard case .array(let elements) = value else { throw RequestSerializationError("\(path) must be a list") }
            guard let reference = shape.shape.member else { return .array([]) }
            let element = try model.resolve(reference)
            return .array(try elements.enumerated().map { try encode($1, as: element, path: "\(path)[\($0)]") })
        case .map:
            guard case .object(let object) = value else { throw RequestSerializationError("\(path) must be a map") }
            guard let reference = shape.shape.value else { return .object(JSONObject()) }
            let valueShape = try model.resolve(reference)
            var output = JSONObject()
            for (key, item) in object.members {
                output[key] = try encode(item, as: valueShape, path: "\(path).\(key)")
            }
            return .object(output)
        case .timestamp:
            guard let timestamp = AWSTimestamp(value) else { throw RequestSerializationError("\(path) must be a timestamp") }
            return timestamp.formatted(shape.traits.timestampFormat ?? "unixTimestamp")
        case .blob:
            return .string(try BlobEncoding.base64(value, at: path))
        case .float, .double:
            if case .double(let number) = value, !number.isFinite {
                return .string(ScalarText.of(value))
            }
            return value
        case .string, .integer, .long, .boolean:
            return value
        }
    }
}

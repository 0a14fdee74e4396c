import JSON

/// Reads `query`/`ec2` XML into JSON by the output shape, as botocore's
/// BaseXMLResponseParser does. A node is a list of elements because a
/// flattened list arrives as repeated sibling tags.
struct XMLShapeReader {
    let model: ServiceModel

    func read(_ nodes: [XMLElement], as shape: ResolvedShape) throws -> JSON {
        guard let node = nodes.first else { return .null }
        switch shape.type {
        case .structure:
            var siblings: [Substring: [XMLElement]] = [:]
            var source = node
            if shape.shape.isException, node.localName == "ErrorResponse", let error = node.children.first(where: { $0.localName == "Error" }) {
                source = error
            }
            for child in source.children { siblings[child.localName, default: []].append(child) }
            var output = JSONObject()
            for member in shape.shape.members {
                let memberShape = try model.resolve(member.reference)
                if let location = memberShape.traits.location, ["header", "headers", "statusCode"].contains(location) {
                    continue
                }
                let xmlName = try keyName(memberShape, member: member.name)
                if let found = siblings[Substring(xmlName)] {
                    output[member.name] = try read(found, as: memberShape)
                } else if memberShape.traits.xmlAttribute == true, let name = memberShape.traits.name,
                    let value = source.attribute(name)
                {
                    output[member.name] = .string(value)
                }
            }
            return .object(output)
        case .list:
            guard let reference = shape.shape.member else { return .array([]) }
            let element = try model.resolve(reference)
            let items = shape.traits.isFlattened ? nodes : node.children
            return .array(try items.map { try read([$0], as: element) })
        case .map:
            guard let keyReference = shape.shape.key, let valueReference = shape.shape.value else { return .object(JSONObject()) }
            let keyShape = try model.resolve(keyReference)
            let valueShape = try model.resolve(valueReference)
            let keyName = keyShape.traits.name ?? "key"
            let valueName = valueShape.traits.name ?? "value"
            let entries = shape.traits.isFlattened ? nodes : node.children
            var output = JSONObject()
            for entry in entries {
                var key: String?
                var value: JSON = .null
                for part in entry.children {
                    if part.localName == keyName {
                        key = ScalarText.of(try read([part], as: keyShape))
                    } else if part.localName == valueName {
                        value = try read([part], as: valueShape)
                    }
                }
                if let key { output[key] = value }
            }
            return .object(output)
        case .boolean:
            return .bool(node.text == "true")
        case .integer, .long:
            guard let number = Int(node.text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ResponseParseError("\(shape.shape.name) should be an integer but the response has \(MessageExcerpt.quoted(node.text))")
            }
            return .integer(number)
        case .float, .double:
            guard let number = Double(node.text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ResponseParseError("\(shape.shape.name) should be a number but the response has \(MessageExcerpt.quoted(node.text))")
            }
            return .double(number)
        case .string, .timestamp, .blob:
            return .string(node.text)
        }
    }

    /// The tag of a member: a flattened list's members carry the member's own name.
    private func keyName(_ shape: ResolvedShape, member: String) throws -> String {
        if shape.type == .list, shape.traits.isFlattened, let reference = shape.shape.member,
            let name = try model.resolve(reference).traits.name
        {
            return name
        }
        return shape.traits.name ?? member
    }
}

import Foundation
import JSON

/// Flattens parameters into the key/value pairs of the `query` and `ec2`
/// protocols, following botocore's QuerySerializer and EC2Serializer:
/// query lists are `Name.member.N` (or `Name.N` when flattened, renamed by the
/// member's locationName), an empty query list is sent as `Name=`, maps are
/// `Name.entry.N.key/value`; ec2 names members by `queryName` or the
/// capitalised `locationName`, always flattens lists and omits empty ones.
struct QueryParameterEncoder {
    let model: ServiceModel
    let isEC2: Bool
    private(set) var pairs: [(String, String)] = []

    init(model: ServiceModel) {
        self.model = model
        self.isEC2 = model.metadata.protocol == "ec2"
    }

    mutating func encode(_ value: JSON, as shape: ResolvedShape, prefix: String) throws {
        switch shape.type {
        case .structure:
            guard case .object(let object) = value else { throw mismatch(prefix, "a structure") }
            for (key, member) in object.members {
                if member.isNull { continue }
                guard let reference = shape.shape.member(named: key) else {
                    throw RequestSerializationError("\(shape.shape.name) has no member \(key)")
                }
                let memberShape = try model.resolve(reference)
                let name = serializedName(memberShape.traits, default: key)
                try encode(member, as: memberShape, prefix: prefix.isEmpty ? name : "\(prefix).\(name)")
            }
        case .list:
            guard case .array(let elements) = value else { throw mismatch(prefix, "a list") }
            guard let reference = shape.shape.member else { return }
            let element = try model.resolve(reference)
            if isEC2 {
                for (index, item) in elements.enumerated() {
                    try encode(item, as: element, prefix: "\(prefix).\(index + 1)")
                }
                return
            }
            if elements.isEmpty {
                pairs.append((prefix, ""))
                return
            }
            var listPrefix: String
            if shape.traits.isFlattened {
                listPrefix = prefix
                if let name = element.traits.name {
                    var parts = prefix.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    parts[parts.count - 1] = name
                    listPrefix = parts.joined(separator: ".")
                }
            } else {
                listPrefix = "\(prefix).\(element.traits.name ?? "member")"
            }
            for (index, item) in elements.enumerated() {
                try encode(item, as: element, prefix: "\(listPrefix).\(index + 1)")
            }
        case .map:
            guard case .object(let object) = value else { throw mismatch(prefix, "a map") }
            guard let keyReference = shape.shape.key, let valueReference = shape.shape.value else { return }
            let keyShape = try model.resolve(keyReference)
            let valueShape = try model.resolve(valueReference)
            let fullPrefix = shape.traits.isFlattened ? prefix : "\(prefix).entry"
            let keyName = serializedName(keyShape.traits, default: "key")
            let valueName = serializedName(valueShape.traits, default: "value")
            for (index, (key, item)) in object.members.enumerated() {
                try encode(.string(key), as: keyShape, prefix: "\(fullPrefix).\(index + 1).\(keyName)")
                try encode(item, as: valueShape, prefix: "\(fullPrefix).\(index + 1).\(valueName)")
            }
        case .blob:
            pairs.append((prefix, try BlobEncoding.base64(value, at: prefix)))
        case .timestamp:
            guard let timestamp = AWSTimestamp(value) else { throw mismatch(prefix, "a timestamp") }
            pairs.append((prefix, ScalarText.of(timestamp.formatted(shape.traits.timestampFormat ?? "iso8601"))))
        case .boolean:
            pairs.append((prefix, value.boolValue == true ? "true" : "false"))
        case .string, .integer, .long, .float, .double:
            pairs.append((prefix, ScalarText.of(value)))
        }
    }

    private func serializedName(_ traits: SerializationTraits, default name: String) -> String {
        if isEC2 {
            if let queryName = traits.queryName { return queryName }
            if let located = traits.name, let first = located.first {
                return first.uppercased() + located.dropFirst()
            }
            return name
        }
        return traits.name ?? name
    }

    private func mismatch(_ path: String, _ expected: String) -> RequestSerializationError {
        RequestSerializationError("\(path) must be \(expected)")
    }
}

import Foundation
import JSON

/// Reads a `json`/`rest-json` body by the output shape, as botocore's
/// BaseJSONParser does: members in model order under their wire names,
/// nulls dropped, scalars kept exactly as the service sent them.
struct JSONShapeReader {
    let model: ServiceModel

    func read(_ value: JSON, as shape: ResolvedShape) throws -> JSON? {
        switch shape.type {
        case .structure:
            if shape.shape.isDocument { return value }
            guard case .object(let object) = value else { return value.isNull ? nil : value }
            var output = JSONObject()
            for member in shape.shape.members {
                let memberShape = try model.resolve(member.reference)
                guard let raw = object[memberShape.traits.name ?? member.name], !raw.isNull else { continue }
                if let parsed = try read(raw, as: memberShape) { output[member.name] = parsed }
            }
            return .object(output)
        case .list:
            guard case .array(let items) = value, let reference = shape.shape.member else { return value }
            let element = try model.resolve(reference)
            return .array(try items.map { $0.isNull ? .null : (try read($0, as: element) ?? .null) })
        case .map:
            guard case .object(let object) = value, let reference = shape.shape.value else { return value }
            let valueShape = try model.resolve(reference)
            var output = JSONObject()
            for (key, item) in object.members {
                output[key] = item.isNull ? .null : (try read(item, as: valueShape) ?? .null)
            }
            return .object(output)
        default:
            return value
        }
    }

    /// A rest-json header value typed by its shape.
    func readHeader(_ text: String, as shape: ResolvedShape) -> JSON {
        switch shape.type {
        case .integer, .long: return Int(text).map(JSON.integer) ?? .string(text)
        case .float, .double: return Double(text).map(JSON.double) ?? .string(text)
        case .boolean: return .bool(text.lowercased() == "true")
        case .list: return .array(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        default:
            if shape.traits.jsonvalue == true, let data = Data(base64Encoded: text), let json = try? JSON(parsing: Array(data)) {
                return json
            }
            return .string(text)
        }
    }
}

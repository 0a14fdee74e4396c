import Foundation
import JSON

/// The changes botocore's `after-call` handlers make to parsed output, so
/// that we print what the CLI prints: IAM policy documents (URL-encoded JSON)
/// decoded into objects, ec2 console output base64-decoded, CloudFormation
/// template bodies parsed when they are JSON.
enum ResponseCustomizations {
    static func apply(to output: JSON, operation: OperationModel, model: ServiceModel) throws -> JSON {
        switch (model.name, operation.name) {
        case ("iam", _):
            guard let reference = operation.output else { return output }
            return try decodePolicies(output, shape: try model.resolve(reference), model: model)
        case ("ec2", "GetConsoleOutput"):
            guard case .object(var object) = output, let encoded = object["Output"]?.stringValue,
                let data = Data(base64Encoded: encoded)
            else { return output }
            object["Output"] = .string(String(decoding: data, as: UTF8.self))
            return .object(object)
        case ("cloudformation", "GetTemplate"):
            guard case .object(var object) = output, let body = object["TemplateBody"]?.stringValue,
                let parsed = try? JSON(parsing: body)
            else { return output }
            object["TemplateBody"] = parsed
            return .object(object)
        default:
            return output
        }
    }

    private static func decodePolicies(_ value: JSON, shape: ResolvedShape, model: ServiceModel) throws -> JSON {
        switch (shape.type, value) {
        case (.structure, .object(var object)):
            for member in shape.shape.members {
                guard let memberValue = object[member.name] else { continue }
                let memberShape = try model.resolve(member.reference)
                if memberShape.type == .string, memberShape.shape.name == "policyDocumentType" {
                    if let text = memberValue.stringValue, let decoded = text.removingPercentEncoding,
                        let json = try? JSON(parsing: decoded)
                    {
                        object[member.name] = json
                    }
                } else {
                    object[member.name] = try decodePolicies(memberValue, shape: memberShape, model: model)
                }
            }
            return .object(object)
        case (.list, .array(let items)):
            guard let reference = shape.shape.member else { return value }
            let element = try model.resolve(reference)
            return .array(try items.map { try decodePolicies($0, shape: element, model: model) })
        default:
            return value
        }
    }
}

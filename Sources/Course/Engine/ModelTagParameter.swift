import AWS

/// Where a create call takes tags, read from its input shape in the service
/// model: ec2's `TagSpecifications`, a `Tags`/`tags` list of key-value
/// structures, or a string map.
enum ModelTagParameter {
    static func find(for operation: OperationName) -> TagParameter? {
        guard let (model, operationModel) = try? AWSClient.resolve(service: operation.service, operation: operation.operation),
            let input = operationModel.input, let shape = try? model.resolve(input).shape
        else { return nil }
        if shape.member(named: "TagSpecifications") != nil {
            return .specifications(member: "TagSpecifications")
        }
        for name in ["Tags", "tags"] {
            guard let reference = shape.member(named: name), let tagShape = try? model.resolve(reference).shape else { continue }
            switch tagShape.type {
            case .map:
                return .map(member: name)
            case .list:
                guard let element = tagShape.member, let structure = try? model.resolve(element).shape else { continue }
                let names = structure.memberNames
                if let key = names.first(where: { $0.lowercased() == "key" }), let value = names.first(where: { $0.lowercased() == "value" }) {
                    return .list(member: name, keyName: key, valueName: value)
                }
            default:
                continue
            }
        }
        return nil
    }
}

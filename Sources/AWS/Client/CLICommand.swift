import JSON

/// The `aws` CLI command equivalent to a call, for showing learners what the
/// tutor does: `aws ec2 describe-subnets --subnet-ids subnet-1 --filters '[...]'`.
/// Scalars and lists of scalars become plain options, booleans `--flag` or
/// `--no-flag`, and anything nested a JSON argument, which the CLI accepts
/// for every parameter. Values of shapes AWS marks sensitive (a SecureString
/// parameter's value, a password) are shown as `<redacted>`, so the command
/// can be printed and logged without leaking them.
public struct CLICommand: Sendable {
    public let model: ServiceModel
    public let operation: OperationModel
    public let input: JSON

    public init(model: ServiceModel, operation: OperationModel, input: JSON) {
        self.model = model
        self.operation = operation
        self.input = input
    }

    /// The CLI's own renames of negative boolean options (awscli's argrename).
    static let booleanRenames: [String: String] = [
        "ec2.create-image.no-no-reboot": "reboot", "ec2.*.no-egress": "ingress",
        "ec2.*.no-disable-api-termination": "enable-api-termination",
        "ecs.*.no-enable-execute-command": "disable-execute-command",
    ]

    public var text: String {
        get throws {
            let operationName = CLIName.kebab(operation.name)
            var words = ["aws", model.name, operationName]
            let shape = try operation.input.map { try model.resolve($0) }
            for (name, value) in input.objectValue?.members ?? [] {
                if value.isNull { continue }
                let option = CLIName.kebab(name)
                let member = try shape?.shape.member(named: name).map { try model.resolve($0) }
                let memberType = member?.type
                let value = try member.map { try redacted(value, $0) } ?? value
                if memberType == .boolean, let flag = value.boolValue {
                    let negative = "no-\(option)"
                    let renamed = Self.booleanRenames["\(model.name).\(operationName).\(negative)"]
                        ?? Self.booleanRenames["\(model.name).*.\(negative)"]
                    words.append("--" + (flag ? option : renamed ?? negative))
                    continue
                }
                words.append("--\(option)")
                switch value {
                case .string, .integer, .double:
                    words.append(Self.quoted(ScalarText.of(value)))
                case .array(let items) where items.allSatisfy({ $0.stringValue != nil || $0.intValue != nil }) && !items.isEmpty:
                    words.append(contentsOf: items.map { Self.quoted(ScalarText.of($0)) })
                default:
                    words.append(Self.quoted(value.text))
                }
            }
            return words.joined(separator: " ")
        }
    }

    /// `value` with every part whose shape is sensitive replaced by `<redacted>`.
    private func redacted(_ value: JSON, _ shape: ResolvedShape) throws -> JSON {
        if shape.shape.isSensitive { return "<redacted>" }
        switch (shape.type, value) {
        case (.structure, .object(var object)):
            for (key, item) in object.members {
                if let reference = shape.shape.member(named: key) { object[key] = try redacted(item, try model.resolve(reference)) }
            }
            return .object(object)
        case (.list, .array(let items)):
            guard let reference = shape.shape.member else { return value }
            let element = try model.resolve(reference)
            return .array(try items.map { try redacted($0, element) })
        case (.map, .object(var object)):
            guard let reference = shape.shape.value else { return value }
            let element = try model.resolve(reference)
            for (key, item) in object.members { object[key] = try redacted(item, element) }
            return .object(object)
        default:
            return value
        }
    }

    /// A word as a POSIX shell reads it back: bare when safe, else single-quoted.
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", ",", "=": return true
            default: return false
            }
        }
        if safe { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

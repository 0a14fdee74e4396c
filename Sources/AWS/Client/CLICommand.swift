import JSON

/// The `aws` CLI command equivalent to a call, for showing learners what the
/// tutor does: `aws ec2 describe-subnets --subnet-ids subnet-1 --filters '[...]'`.
/// Scalars and lists of scalars become plain options, booleans `--flag` or
/// `--no-flag`, and anything nested a JSON argument, which the CLI accepts
/// for every parameter. Secrets are shown as `<redacted>`, so the command can
/// be printed and logged without leaking them: strings of a shape AWS marks
/// sensitive (a SecureString parameter's value, a password), and strings whose
/// name, or whose sibling `name` in a name/value pair, looks like a secret
/// (`DB_PASSWORD`, `SecretAccessKey`). AWS also marks whole lists and
/// structures sensitive, such as a container's `environment`; redacting those
/// whole would hide the `PORT=80` a lesson teaches, so only the secrets in
/// them go.
public struct CLICommand: Sendable {
    public let model: ServiceModel
    public let operation: OperationModel
    public let input: JSON

    /// False for a script a learner keeps, whose values are the course's
    /// own and the learner's settings, where `<redacted>` would break the call.
    public let redactsSecrets: Bool

    public init(model: ServiceModel, operation: OperationModel, input: JSON, redactsSecrets: Bool = true) {
        self.model = model
        self.operation = operation
        self.input = input
        self.redactsSecrets = redactsSecrets
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
                let value = try member.map { redactsSecrets ? try redacted(value, named: name, $0) : value } ?? value
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

    /// `value`, found under `name`, with every secret in it replaced by the placeholder.
    private func redacted(_ value: JSON, named name: String, _ shape: ResolvedShape) throws -> JSON {
        switch (shape.type, value) {
        case (.structure, .object(var object)):
            for (key, item) in object.members {
                guard let reference = shape.shape.member(named: key) else { continue }
                object[key] = try redacted(item, named: key, try model.resolve(reference))
            }
            for (key, item) in object.members where item.stringValue != nil && Self.isSecretValueOfPair(key, in: object) {
                object[key] = .string(SecretRedactor.placeholder)
            }
            return .object(object)
        case (.list, .array(let items)):
            guard let reference = shape.shape.member else { return value }
            let element = try model.resolve(reference)
            return .array(try items.map { try redacted($0, named: name, element) })
        case (.map, .object(var object)):
            guard let reference = shape.shape.value else { return value }
            let element = try model.resolve(reference)
            // A map's key names its value as a member name does (`{"DB_PASSWORD": "..."}`).
            for (key, item) in object.members { object[key] = try redacted(item, named: key, element) }
            return .object(object)
        case (.structure, _), (.list, _), (.map, _):
            return value
        default:
            if shape.shape.isSensitive || (value.stringValue != nil && SecretRedactor.isSecretField(name)) {
                return .string(SecretRedactor.placeholder)
            }
            return value
        }
    }

    /// Whether `key` is the value half of a name/value pair whose name is a
    /// secret's: `value` beside `name` (an environment entry), `Value` beside
    /// `Key`, `ParameterValue` beside `ParameterKey`.
    private static func isSecretValueOfPair(_ key: String, in object: JSONObject) -> Bool {
        let lowered = key.lowercased()
        guard lowered.hasSuffix("value") else { return false }
        let stem = lowered.dropLast("value".count)
        return object.members.contains { sibling, item in
            let siblingName = sibling.lowercased()
            guard siblingName == stem + "name" || siblingName == stem + "key", let named = item.stringValue else { return false }
            return SecretRedactor.isSecretField(named)
        }
    }

    /// A word as a POSIX shell reads it back: bare when safe, else single-quoted.
    public static func quoted(_ word: String) -> String {
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

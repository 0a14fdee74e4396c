import JSON

/// Checks parameters against an operation's input shape: unknown names (with
/// a "did you mean"), wrong types, missing required members, enum values, and
/// min/max for numbers, string lengths and list/map sizes. Every problem is
/// collected, so one run reports them all.
public struct ParameterValidator: Sendable {
    public let model: ServiceModel

    public init(model: ServiceModel) {
        self.model = model
    }

    public func validate(_ input: JSON, for operation: OperationModel) throws {
        let problems = try problems(in: input, for: operation)
        if !problems.isEmpty {
            throw ParameterValidationError(operation: "\(model.name):\(operation.name)", problems: problems)
        }
    }

    public func problems(in input: JSON, for operation: OperationModel) throws(ServiceModelError) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        guard let reference = operation.input else {
            if let object = input.objectValue, let first = object.keys.first {
                problems.append(ValidationProblem(path: first, message: "unknown parameter; \(operation.name) takes no parameters"))
            } else if !input.isNull && input.objectValue == nil {
                problems.append(ValidationProblem(path: "", message: "the parameters must be a JSON object, got \(Self.describe(input))"))
            }
            return problems
        }
        let shape = try model.resolve(reference)
        if input.objectValue == nil && !input.isNull {
            return [ValidationProblem(path: "", message: "the parameters must be a JSON object, got \(Self.describe(input))")]
        }
        try check(input.isNull ? .object(JSONObject()) : input, shape, path: "", into: &problems)
        return problems
    }

    private func check(_ value: JSON, _ shape: ResolvedShape, path: String, into problems: inout [ValidationProblem]) throws(ServiceModelError) {
        func problem(_ message: String) { problems.append(ValidationProblem(path: path, message: message)) }
        switch shape.type {
        case .structure:
            if shape.shape.isDocument { return }
            guard case .object(let object) = value else { return problem("expected an object, got \(Self.describe(value))") }
            for name in shape.shape.memberNames where shape.shape.required.contains(name) {
                if object[name] == nil || object[name]?.isNull == true {
                    problems.append(ValidationProblem(path: Self.join(path, name), message: "missing required parameter"))
                }
            }
            for (key, member) in object.members {
                guard let reference = shape.shape.member(named: key) else {
                    var message = "unknown parameter"
                    if let suggestion = EditDistance.closest(to: key, among: shape.shape.memberNames) {
                        message += "; did you mean \(suggestion)?"
                    } else {
                        let names = shape.shape.memberNames
                        message += names.isEmpty ? "; none are accepted here" : "; expected one of \(names.joined(separator: ", "))"
                    }
                    problems.append(ValidationProblem(path: Self.join(path, key), message: message))
                    continue
                }
                if member.isNull && !shape.shape.required.contains(key) {
                    problems.append(ValidationProblem(path: Self.join(path, key), message: "expected \(Self.expected(try model.resolve(reference))), got null"))
                    continue
                }
                if member.isNull { continue }
                try check(member, try model.resolve(reference), path: Self.join(path, key), into: &problems)
            }
            if shape.shape.isUnion && object.count > 1 {
                problem("set exactly one of \(shape.shape.memberNames.joined(separator: ", ")), got \(object.count)")
            }
        case .list:
            guard case .array(let items) = value else { return problem("expected a list, got \(Self.describe(value))") }
            checkSize(items.count, shape, unit: "item", problem)
            guard let reference = shape.shape.member else { return }
            let element = try model.resolve(reference)
            for (index, item) in items.enumerated() {
                try check(item, element, path: "\(path)[\(index)]", into: &problems)
            }
        case .map:
            guard case .object(let object) = value else { return problem("expected an object (a map), got \(Self.describe(value))") }
            checkSize(object.count, shape, unit: "entry", problem)
            guard let keyReference = shape.shape.key, let valueReference = shape.shape.value else { return }
            let keyShape = try model.resolve(keyReference)
            let valueShape = try model.resolve(valueReference)
            for (key, item) in object.members {
                try check(.string(key), keyShape, path: Self.join(path, key), into: &problems)
                try check(item, valueShape, path: Self.join(path, key), into: &problems)
            }
        case .string:
            guard let text = value.stringValue else { return problem("expected a string, got \(Self.describe(value))") }
            if let allowed = shape.shape.enumValues, !allowed.isEmpty, !allowed.contains(text) {
                var message = "\(JSON.string(text).text) is not one of \(allowed.joined(separator: ", "))"
                if let suggestion = EditDistance.closest(to: text, among: allowed) { message += "; did you mean \(suggestion)?" }
                return problem(message)
            }
            checkSize(text.count, shape, unit: "character", problem)
        case .blob:
            guard let text = value.stringValue else { return problem("expected a string, got \(Self.describe(value))") }
            checkSize(text.utf8.count, shape, unit: "byte", problem)
        case .integer, .long:
            guard case .integer(let number) = value else { return problem("expected an integer, got \(Self.describe(value))") }
            checkRange(Double(number), shape, text: String(number), problem)
        case .float, .double:
            guard let number = value.doubleValue else { return problem("expected a number, got \(Self.describe(value))") }
            checkRange(number, shape, text: value.text, problem)
        case .boolean:
            guard value.boolValue != nil else { return problem("expected true or false, got \(Self.describe(value))") }
        case .timestamp:
            guard AWSTimestamp(value) != nil else {
                return problem("expected a timestamp (ISO 8601 such as 2026-11-27T09:00:00Z, or epoch seconds), got \(Self.describe(value))")
            }
        }
    }

    private func checkSize(_ count: Int, _ shape: ResolvedShape, unit: String, _ problem: (String) -> Void) {
        if let min = shape.shape.min, Double(count) < min {
            problem("must have at least \(Self.counted(Int(min), unit)), got \(count)")
        } else if let max = shape.shape.max, Double(count) > max {
            problem("must have at most \(Self.counted(Int(max), unit)), got \(count)")
        }
    }

    private func checkRange(_ number: Double, _ shape: ResolvedShape, text: String, _ problem: (String) -> Void) {
        if let min = shape.shape.min, number < min {
            problem("must be at least \(Self.number(min)), got \(text)")
        } else if let max = shape.shape.max, number > max {
            problem("must be at most \(Self.number(max)), got \(text)")
        }
    }

    static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    static func counted(_ count: Int, _ unit: String) -> String {
        count == 1 ? "1 \(unit)" : unit == "entry" ? "\(count) entries" : "\(count) \(unit)s"
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func expected(_ shape: ResolvedShape) -> String {
        switch shape.type {
        case .structure: return "an object"
        case .list: return "a list"
        case .map: return "an object (a map)"
        case .string, .blob: return "a string"
        case .integer, .long: return "an integer"
        case .float, .double: return "a number"
        case .boolean: return "true or false"
        case .timestamp: return "a timestamp"
        }
    }

    /// A short description of what was given, e.g. `a string ("abc")`.
    static func describe(_ value: JSON) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .integer, .double: return "the number \(value.text)"
        case .string(let text): return "the string \(JSON.string(text).text)"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

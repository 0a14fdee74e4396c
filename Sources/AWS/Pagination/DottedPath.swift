import JSON

/// A paginator's token or result key: a dotted path such as `NextToken` or
/// `Reservations`. Every path in the course's paginator models is one of
/// these (checked when the models were trimmed), and botocore itself only
/// supports dotted paths when it writes merged results back.
struct DottedPath: Sendable, Equatable {
    let expression: String
    private let parts: [String]

    init(_ expression: String) {
        self.expression = expression
        parts = expression.split(separator: ".").map(String.init)
    }

    func value(in json: JSON) -> JSON? {
        var current = json
        for part in parts {
            guard let next = current[part] else { return nil }
            current = next
        }
        return current.isNull ? nil : current
    }

    func set(_ value: JSON, in json: inout JSON) {
        json = Self.setting(value, at: parts[...], in: json)
    }

    private static func setting(_ value: JSON, at parts: ArraySlice<String>, in json: JSON) -> JSON {
        guard let first = parts.first else { return value }
        var object = json.objectValue ?? JSONObject()
        object[first] = setting(value, at: parts.dropFirst(), in: object[first] ?? .object(JSONObject()))
        return .object(object)
    }
}

import JSON

/// Replaces whole string values anywhere in a result: the sandbox's way of
/// showing its own address for one moto made up, consistently in every answer.
struct StringRewrite: Sendable {
    let replacements: [String: String]

    func apply(_ json: JSON) -> JSON {
        guard !replacements.isEmpty else { return json }
        switch json {
        case .string(let text):
            return .string(replacements[text] ?? text)
        case .array(let items):
            return .array(items.map(apply))
        case .object(let object):
            var rewritten = JSONObject()
            for (key, value) in object.members { rewritten[key] = apply(value) }
            return .object(rewritten)
        default:
            return json
        }
    }
}

import JSON

/// Damage at the level of a JSON value, for fuzzing what reads documents:
/// a member or element deleted, doubled or replaced by a value of another
/// kind, a huge or tiny number, a long string or a nested value. A repeated
/// key cannot be a value; `duplicatingKey` writes one into the text.
public enum JSONValueMutation {
    public static let replacements: [JSON] = [
        .null, true, false, 0, -1, .integer(.max), .integer(.min), 1e308, -0.0, .double(.leastNonzeroMagnitude), 0.5,
        "", "12", "true", "null", "\u{0}", "line\nbreak", .string(String(repeating: "\u{E9}", count: 2000)),
        [], [:], [[[[1]]]], ["a": ["b": "c"]], .array(Array(repeating: 1, count: 2000)),
    ]

    /// One edit somewhere in `value`, reached by walking down from the top.
    public static func mutate(_ value: JSON, _ random: inout SplitMix64) -> JSON {
        switch value {
        case .object(var object) where !object.isEmpty && random.below(4) > 0:
            let key = random.pick(object.keys)
            switch random.below(5) {
            case 0: object[key] = nil
            case 1: object[key] = random.pick(replacements)
            case 2: object[key + "\u{0}"] = object[key]
            case 3: object[key.lowercased() == key ? key.uppercased() : key.lowercased()] = object[key]
            default: object[key] = mutate(object[key] ?? .null, &random)
            }
            return .object(object)
        case .array(var array) where !array.isEmpty && random.below(4) > 0:
            let index = random.below(array.count)
            switch random.below(4) {
            case 0: array.remove(at: index)
            case 1: array[index] = random.pick(replacements)
            case 2: array.insert(array[index], at: index)
            default: array[index] = mutate(array[index], &random)
            }
            return .array(array)
        default:
            return random.pick(replacements)
        }
    }

    /// `text` with one of its top-level object's keys written a second time,
    /// first, with another value: parsers keep the first position and the last value.
    public static func duplicatingKey(in text: String, of value: JSON, _ random: inout SplitMix64) -> String {
        guard case .object(let object) = value, !object.isEmpty, let brace = text.firstIndex(of: "{") else { return text }
        var text = text
        let member = "\(JSON.string(random.pick(object.keys)).text): \(random.pick(replacements).text),"
        text.insert(contentsOf: member, at: text.index(after: brace))
        return text
    }
}

import JSON

/// contains, length, reverse, merge, max, min, sort.
extension FunctionInvocation {
    static func contains(_ subject: JSON, _ search: JSON) -> JSON {
        switch subject {
        case .array(let elements):
            return .bool(elements.contains { $0.jmespathEquals(search) })
        case .string(let string):
            guard case .string(let needle) = search else { return .bool(false) }
            return .bool(needle.isEmpty || string.utf8.firstRange(of: needle.utf8) != nil)
        default:
            return .bool(false)
        }
    }

    /// Strings count code points, as the specification and Python do.
    static func length(_ value: JSON) -> JSON {
        switch value {
        case .string(let string): return .integer(string.unicodeScalars.count)
        case .array(let elements): return .integer(elements.count)
        case .object(let object): return .integer(object.count)
        default: return .null
        }
    }

    static func reverse(_ value: JSON) -> JSON {
        switch value {
        case .string(let string):
            var reversed = String.UnicodeScalarView()
            reversed.append(contentsOf: string.unicodeScalars.reversed())
            return .string(String(reversed))
        case .array(let elements):
            return .array(elements.reversed())
        default:
            return .null
        }
    }

    /// Later objects win; a key keeps the position where it first appeared.
    static func merge(_ objects: [JSONObject]) -> JSON {
        guard var result = objects.first else { return .object(JSONObject()) }
        for object in objects.dropFirst() {
            for key in object.keys {
                result[key] = object[key]
            }
        }
        return .object(result)
    }

    /// The first greatest (or least) element; null for an empty array.
    static func extreme(_ elements: [JSON], greatest: Bool) -> JSON {
        guard var best = elements.first else { return .null }
        for element in elements.dropFirst() {
            let better = greatest ? best.precedes(element) : element.precedes(best)
            if better == true { best = element }
        }
        return best
    }

    /// A stable sort, as the reference implementation's is: equal values
    /// (1 and 1.0) keep their order.
    static func sorted(_ elements: [JSON]) -> [JSON] {
        stableSorted(elements, keys: elements)
    }

    /// `elements` ordered by `keys`, which are all numbers or all strings.
    static func stableSorted(_ elements: [JSON], keys: [JSON]) -> [JSON] {
        let order = keys.indices.sorted { a, b in
            if keys[a].precedes(keys[b]) == true { return true }
            if keys[b].precedes(keys[a]) == true { return false }
            return a < b
        }
        return order.map { elements[$0] }
    }
}

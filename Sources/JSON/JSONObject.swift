/// A JSON object whose members keep the order in which they were inserted.
///
/// Lookups go through a dictionary, so a large object is as fast to read as a
/// `[String: JSON]`; the separate key list only remembers the order.
public struct JSONObject: Sendable {
    public private(set) var keys: [String] = []
    private var storage: [String: JSON] = [:]

    public init() {}

    public init(_ members: [(String, JSON)]) {
        keys.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Values in key order.
    public var values: [JSON] {
        keys.map { key in storage[key] ?? .null }
    }

    /// Members in key order.
    public var members: [(key: String, value: JSON)] {
        keys.map { key in (key, storage[key] ?? .null) }
    }

    /// Setting a member that exists keeps its position; setting `nil` removes it.
    public subscript(key: String) -> JSON? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil {
                    keys.append(key)
                }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public func contains(_ key: String) -> Bool {
        storage[key] != nil
    }

    /// The same members with keys sorted by their UTF-8 bytes, as Python's
    /// `sort_keys` orders them.
    public func sortedByKey() -> JSONObject {
        var sorted = self
        sorted.keys.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return sorted
    }
}

extension JSONObject: Equatable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage == rhs.storage
    }
}

extension JSONObject: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage)
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> AnyIterator<(key: String, value: JSON)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            let key = keys[index]
            index += 1
            return (key, storage[key] ?? .null)
        }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements)
    }
}

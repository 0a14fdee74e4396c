/// HTTP header fields in the order they were added. Names compare without
/// regard to case, as HTTP defines them; repeated names are allowed.
public struct HTTPHeaders: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(_ fields: [(String, String)]) {
        for (name, value) in fields { add(name, value) }
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The first value of `name`, or `nil`. Setting replaces every field of
    /// that name; setting `nil` removes them.
    public subscript(name: String) -> String? {
        get {
            let lowered = name.lowercased()
            return fields.first { $0.name.lowercased() == lowered }?.value
        }
        set {
            let lowered = name.lowercased()
            if let newValue {
                if let position = fields.firstIndex(where: { $0.name.lowercased() == lowered }) {
                    fields[position].value = newValue
                    var next = fields.index(after: position)
                    while next < fields.endIndex {
                        if fields[next].name.lowercased() == lowered {
                            fields.remove(at: next)
                        } else {
                            next = fields.index(after: next)
                        }
                    }
                } else {
                    fields.append((name, newValue))
                }
            } else {
                fields.removeAll { $0.name.lowercased() == lowered }
            }
        }
    }

    /// Every value of `name`, in order.
    public func values(for name: String) -> [String] {
        let lowered = name.lowercased()
        return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    public var isEmpty: Bool { fields.isEmpty }
}

import JSON

extension JSON {
    /// JMESPath equality: numbers by value whatever their representation,
    /// strings by code points. `JSON`'s own `==` compares strings by Swift's
    /// canonical equivalence, under which "é" and "e\u{301}" are equal; the
    /// aws CLI's JMESPath keeps them apart, and so does this.
    func jmespathEquals(_ other: JSON) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)):
            return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where !a[index].jmespathEquals(b[index]) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for key in a.keys {
                guard let value = a[key], let counterpart = b[key], value.jmespathEquals(counterpart) else {
                    return false
                }
            }
            return true
        default:
            return self == other
        }
    }
}

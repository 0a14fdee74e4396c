/// A `${name}` or `${lesson.name}` inside a template string: a lesson
/// variable, a value saved by an earlier call, a built-in such as
/// `${account}`, or a value saved by another lesson.
public struct VariableReference: Sendable, Hashable, CustomStringConvertible {
    public var lesson: String?
    public var name: String

    public init(lesson: String? = nil, name: String) {
        self.lesson = lesson
        self.name = name
    }

    public init?(parsing text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(VariableReference.isName) else { return nil }
        if parts.count == 2 {
            lesson = String(parts[0])
            name = String(parts[1])
        } else {
            lesson = nil
            name = String(parts[0])
        }
    }

    public var description: String {
        lesson.map { "${\($0).\(name)}" } ?? "${\(name)}"
    }

    static func isName(_ text: Substring) -> Bool {
        // Names are nearly always ASCII; Character's Unicode properties are slow.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let first = text.utf8.first, Self.isASCIILetter(first) || first == UInt8(ascii: "_") else { return false }
            return text.utf8.allSatisfy { Self.isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

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
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}

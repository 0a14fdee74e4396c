import AWS
/// A string with `${...}` references, split once into its literal and
/// reference parts so that resolving it is a simple join.
public struct TemplateString: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        case reference(VariableReference)
    }

    public let parts: [Part]

    /// Parses `text`; an unclosed `${` or a malformed name is an error with
    /// the offending text.
    /// Whether `text` may hold a `${...}`: most texts of a check hold none,
    /// and they are filled at every pass over the checks. A scan of the bytes,
    /// since `String.contains` goes through Foundation's locale-aware search.
    public static func mayHoldReference(_ text: String) -> Bool {
        var dollar = false
        for byte in text.utf8 {
            if dollar, byte == UInt8(ascii: "{") { return true }
            dollar = byte == UInt8(ascii: "$")
        }
        return false
    }

    public init(parsing text: String) throws(TemplateError) {
        var parts: [Part] = []
        var literal = ""
        var rest = text[...]
        while let start = Self.firstOpening(in: rest) {
            literal += rest[rest.startIndex..<start.lowerBound]
            // `$${` writes a literal `${`.
            if literal.hasSuffix("$") {
                literal.removeLast()
                literal += "${"
                rest = rest[start.upperBound...]
                continue
            }
            guard let end = rest.utf8[start.upperBound...].firstIndex(of: UInt8(ascii: "}")) else {
                throw TemplateError.unclosed(text)
            }
            let inner = rest[start.upperBound..<end]
            guard let reference = VariableReference(parsing: inner) else {
                throw TemplateError.badName(String(inner))
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.reference(reference))
            rest = rest[rest.index(after: end)...]
        }
        literal += rest
        if !literal.isEmpty || parts.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// Where the first `${` is. Searched for in the bytes: the generic
    /// substring search was most of the time a pass over the checks takes.
    private static func firstOpening(in text: Substring) -> Range<String.Index>? {
        let bytes = text.utf8
        var dollar: String.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), let dollar { return dollar..<bytes.index(after: index) }
            dollar = byte == UInt8(ascii: "$") ? index : nil
            index = bytes.index(after: index)
        }
        return nil
    }

    public var references: [VariableReference] {
        parts.compactMap { part in
            if case .reference(let reference) = part { return reference }
            return nil
        }
    }

    /// The single reference when the string is nothing else: such a value
    /// substitutes as whatever JSON it holds, a list stays a list.
    public var wholeReference: VariableReference? {
        if parts.count == 1, case .reference(let reference) = parts[0] { return reference }
        return nil
    }
}

public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedFailure {
    case unclosed(String)
    case badName(String)
    case undefined(VariableReference)

    public var description: String { localizedMessage.en }

    public var localizedMessage: LocalizedText {
        switch self {
        case .unclosed(let text):
            let text = MessageExcerpt.plain(text, escapes: .yaml)
            return LocalizedText(zh: "\"\(text)\" 里的 '${' 没有对应的 '}'", en: "'${' without a closing '}' in \"\(text)\"")
        case .badName(let name):
            let name = MessageExcerpt.plain(name, escapes: .yaml)
            return LocalizedText(
                zh: "'${\(name)}' 不是变量名（字母、数字、'_' 和 '-'，可写成 'lesson.name'）",
                en: "'${\(name)}' is not a variable name (letters, digits, '_' and '-', optionally 'lesson.name')")
        case .undefined(let reference):
            return LocalizedText(zh: "\(reference) 还没有值", en: "\(reference) has no value yet")
        }
    }
}

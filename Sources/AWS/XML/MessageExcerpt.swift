/// A piece of a response, or of a lesson file, shown in a message: cut short
/// however long it is, and kept on one line however the text breaks it,
/// because the message is one line on the learner's terminal (and in the
/// diagnostics editors and `ecslab lint` read).
public enum MessageExcerpt {
    public static let defaultLimit = 60

    /// How line breaks are written: `\u{A}` for text from AWS, or as YAML's
    /// double quotes write them (`\n`, `\r`, `\t`) for text from a lesson file.
    public enum Escapes: Sendable {
        case unicode, yaml
    }

    /// `"text"`, with line breaks and control characters escaped and `…` where it was cut.
    public static func quoted(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        "\"" + plain(text, limit: limit) + "\""
    }

    /// The same without the quotes, for names.
    public static func plain(_ text: some StringProtocol, limit: Int = defaultLimit, escapes: Escapes = .unicode) -> String {
        var result = ""
        for character in text.prefix(limit) {
            if escapes == .yaml, let written = ["\n": "\\n", "\r\n": "\\n", "\r": "\\r", "\t": "\\t"][character] {
                result += written
            } else if character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                for scalar in character.unicodeScalars {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            } else {
                result.append(character)
            }
        }
        return text.dropFirst(limit).isEmpty ? result : result + "…"
    }
}

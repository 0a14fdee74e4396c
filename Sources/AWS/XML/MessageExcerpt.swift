/// A piece of a response shown in an error message: cut short however long
/// it is, and kept on one line however the response breaks it, because the
/// message is one line on the learner's terminal.
enum MessageExcerpt {
    static let defaultLimit = 60

    /// `"text"`, with line breaks and control characters escaped and `…` where it was cut.
    static func quoted(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        "\"" + plain(text, limit: limit) + "\""
    }

    /// The same without the quotes, for names.
    static func plain(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        var result = ""
        for character in text.prefix(limit) {
            if character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
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

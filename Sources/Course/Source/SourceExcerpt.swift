/// Text from a lesson or check file quoted in a diagnostic. A diagnostic is
/// one line, as editors and `ecslab lint` read them, so line breaks are
/// written as YAML's double quotes write them (`\n`), and a long text is cut.
enum SourceExcerpt {
    static let defaultLimit = 60

    static func of(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        var result = ""
        for character in text.prefix(limit) {
            switch character {
            case "\n", "\r\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if character.isNewline || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    for scalar in character.unicodeScalars {
                        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                    }
                } else {
                    result.append(character)
                }
            }
        }
        return text.dropFirst(limit).isEmpty ? result : result + "…"
    }
}

/// Text made safe inside XML or HTML, in element content and in quoted
/// attribute values alike: JUnit files and the class report page both carry
/// learners' names from a roster, which no one vouches for.
enum XMLText {
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            default:
                // XML 1.0 has no way to write the other control characters at
                // all; a parser rejects the whole file over one of them. A
                // CRLF is one Character in Swift, so it is named on its own.
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20, !["\n", "\t", "\r", "\r\n"].contains(character) {
                    continue
                }
                output.append(character)
            }
        }
        return output
    }
}

/// A lesson's text as comment lines: its own line breaks kept, Markdown
/// fences and trailing spaces dropped, no run of empty lines.
enum ScriptComment {
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var kept = String(line)
            while kept.last == " " { kept.removeLast() }
            if kept.hasPrefix("```") { continue }
            if kept.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(kept)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

/// The characters a drawing is made of: box drawing, or plain ASCII for a
/// terminal that cannot show them (`--ascii`, or a locale that is not UTF-8).
public struct BoxGlyphs: Sendable {
    let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight, teeLeft, teeRight: String
    let branch, lastBranch, arrow, good, bad: String

    public static let unicode = BoxGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤",
        branch: "├─ ", lastBranch: "└─ ", arrow: "→", good: "✓", bad: "✗")

    public static let ascii = BoxGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+",
        branch: "|- ", lastBranch: "`- ", arrow: "->", good: "[ok]", bad: "[!!]")
}

/// How many terminal columns a text takes: East Asian wide characters take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    /// `text` cut to `width` columns, with `…` (or `~`) where it was cut.
    static func fitted(_ text: String, _ width: Int, ascii: Bool) -> String {
        guard of(text) > width else { return text }
        var kept = ""
        for character in text {
            if of(kept + String(character)) > width - 1 { break }
            kept.append(character)
        }
        return kept + (ascii ? "~" : "…")
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    /// `text` in lines of at most `width` columns, broken at spaces (or
    /// anywhere in text without them, as Chinese is), the lines after the
    /// first indented by `indent` columns.
    static func wrapped(_ text: String, _ width: Int, indent: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lastSpace: String.Index?
        for character in text {
            line.append(character)
            if character == " " { lastSpace = line.index(before: line.endIndex) }
            guard of(line) > width else { continue }
            let prefix = String(repeating: " ", count: indent)
            if let space = lastSpace, space > line.startIndex {
                lines.append(String(line[..<space]))
                line = prefix + String(line[line.index(after: space)...])
            } else {
                let last = line.removeLast()
                lines.append(line)
                line = prefix + String(last)
            }
            lastSpace = nil
        }
        lines.append(line)
        return lines
    }
}

/// One record of a CSV file: its fields and the line it starts on.
struct CSVRecord {
    var line: Int
    var fields: [String]
}

/// Splits CSV text into records as RFC 4180 has it: fields separated by
/// commas, optionally double-quoted, `""` inside quotes for a quote, quoted
/// fields holding commas and line breaks. Lenient where a spreadsheet's
/// export is: CRLF, LF or CR line ends, a UTF-8 byte order mark, blank lines
/// and spaces around unquoted fields.
enum CSVRecords {
    static func parse(_ text: String, file: String) throws(RosterError) -> [CSVRecord] {
        // Unicode scalars, not Characters: Swift makes "\r\n" one Character,
        // and a quote followed by a combining mark would hide the quote.
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false  // the field began with a quote
        var inQuotes = false  // ...and it has not closed yet
        var anyQuoted = false  // some field of the record was quoted: it is not blank
        var line = 1
        var recordLine = 1
        var quoteLine = 1  // where the open quote is, for "never closed"

        func endField() {
            let text = String(field)
            fields.append(quoted ? text : text.trimmingSpaces)
            field = String.UnicodeScalarView()
            quoted = false
        }
        func endRecord() {
            endField()
            // A blank line (or only spaces) is one empty unquoted field.
            if fields != [""] || anyQuoted { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
            anyQuoted = false
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let following = next < scalars.endIndex ? scalars[next] : nil
            index = next
            if inQuotes {
                if scalar == "\"" {
                    if following == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                // Count the lines inside the field, so rows after it are
                // reported on the lines they really are on.
                if scalar == "\n" || (scalar == "\r" && following != "\n") { line += 1 }
                field.append(scalar)
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", following == "\n" { index = scalars.index(after: index) }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where !quoted && String(field).trimmingSpaces.isEmpty:
                quoted = true
                inQuotes = true
                anyQuoted = true
                quoteLine = line
                field = String.UnicodeScalarView()
            case " " where quoted, "\t" where quoted:
                break  // spaces after a closing quote
            default:
                if quoted {
                    throw RosterError(
                        file: file, line: line,
                        problem: "text after the closing quote of a field; inside a quoted field write a quote as \"\"")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw RosterError(file: file, line: quoteLine, problem: "a quoted field starts here and is never closed")
        }
        endRecord()
        return records
    }
}

extension String {
    /// Without the spaces and tabs at either end: what a hand-aligned CSV adds.
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}

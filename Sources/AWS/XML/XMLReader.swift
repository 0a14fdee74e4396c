/// A small non-validating XML parser for AWS responses: elements, attributes,
/// character data, the five predefined entities, character references and
/// CDATA. Comments and processing instructions (the `<?xml?>` declaration
/// among them) are skipped. Document type declarations are refused outright,
/// so no entity can be declared and none can expand (no XXE, no "billion
/// laughs"); nesting deeper than `maximumDepth` is refused too.
struct XMLReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(XMLParseError) -> XMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        try skipMisc()
        guard position < bytes.count else { throw error("the document has no root element") }
        guard bytes[position] == UInt8(ascii: "<") else { throw error("expected '<' to open the root element") }
        let root = try parseElement(depth: 1)
        try skipMisc()
        if position < bytes.count {
            throw error("unexpected content after the root element")
        }
        return root
    }

    // MARK: - Structure

    /// White space, comments and processing instructions, before or after the root.
    private mutating func skipMisc() throws(XMLParseError) {
        while true {
            skipWhitespace()
            if looking(at: "<?") {
                try skipProcessingInstruction()
            } else if looking(at: "<!--") {
                try skipComment()
            } else if looking(at: "<!") {
                throw refusedDeclaration()
            } else {
                return
            }
        }
    }

    /// Parses `<name ...>...</name>` or `<name .../>`; `position` is at `<`.
    private mutating func parseElement(depth: Int) throws(XMLParseError) -> XMLElement {
        guard depth <= maximumDepth else {
            throw error("elements are nested more than \(maximumDepth) deep")
        }
        position += 1
        let name = try parseName(what: "an element name")
        var element = XMLElement(name: name)
        while true {
            let hadSpace = skipWhitespace()
            guard position < bytes.count else { throw error("the tag <\(Self.shown(name))> is not closed") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "/") {
                position += 1
                try expect(">", "expected '>' after '/' in <\(Self.shown(name))/>")
                return element
            }
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            guard hadSpace else { throw error("expected white space, '>' or '/>' in the tag <\(Self.shown(name))>") }
            let attributeStart = position
            let attributeName = try parseName(what: "an attribute name")
            if element.attributes.contains(where: { $0.name == attributeName }) {
                position = attributeStart
                throw error("the attribute \(Self.shown(attributeName)) appears twice in <\(Self.shown(name))>")
            }
            skipWhitespace()
            try expect("=", "expected '=' after the attribute \(Self.shown(attributeName))")
            skipWhitespace()
            element.attributes.append((attributeName, try parseAttributeValue()))
        }

        var text: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("the element <\(Self.shown(name))> is not closed") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "&") {
                try parseReference(into: &text)
            } else if byte != UInt8(ascii: "<") {
                text.append(byte)
                position += 1
            } else if looking(at: "</") {
                position += 2
                let closeStart = position
                let closing = try parseName(what: "a closing tag name")
                guard closing == name else {
                    position = closeStart
                    throw error("expected </\(Self.shown(name))> but found </\(Self.shown(closing))>")
                }
                skipWhitespace()
                try expect(">", "expected '>' to end </\(Self.shown(name))>")
                break
            } else if looking(at: "<![CDATA[") {
                try parseCDATA(into: &text)
            } else if looking(at: "<!--") {
                try skipComment()
            } else if looking(at: "<?") {
                try skipProcessingInstruction()
            } else if looking(at: "<!") {
                throw refusedDeclaration()
            } else {
                element.children.append(try parseElement(depth: depth + 1))
            }
        }
        if element.children.isEmpty || !text.allSatisfy(Self.isWhitespace) {
            element.text = String(decoding: text, as: UTF8.self)
        }
        return element
    }

    // MARK: - Names, values, references

    private mutating func parseName(what: String) throws(XMLParseError) -> String {
        let start = position
        guard position < bytes.count, Self.isNameStart(bytes[position]) else {
            throw error("expected \(what)")
        }
        position += 1
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func parseAttributeValue() throws(XMLParseError) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            throw error("expected a quoted attribute value")
        }
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("the attribute value is not closed") }
            let byte = bytes[position]
            if byte == quote {
                position += 1
                return String(decoding: value, as: UTF8.self)
            }
            if byte == UInt8(ascii: "<") { throw error("'<' is not allowed in an attribute value") }
            if byte == UInt8(ascii: "&") {
                try parseReference(into: &value)
            } else {
                value.append(byte)
                position += 1
            }
        }
    }

    /// `&name;` for the five predefined entities, `&#NN;` and `&#xHH;`.
    private mutating func parseReference(into output: inout [UInt8]) throws(XMLParseError) {
        let start = position
        position += 1
        var end = position
        // Only name bytes: a message quotes the name, and must stay one line.
        while end < bytes.count, end - position < 12, Self.isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            position = start
            throw error("'&' must start an entity such as &amp; (write a literal '&' as &amp;)")
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        position = end + 1
        switch name {
        case "amp": output.append(UInt8(ascii: "&"))
        case "lt": output.append(UInt8(ascii: "<"))
        case "gt": output.append(UInt8(ascii: ">"))
        case "quot": output.append(UInt8(ascii: "\""))
        case "apos": output.append(UInt8(ascii: "'"))
        default:
            guard name.hasPrefix("#") else {
                position = start
                throw error("unknown entity &\(Self.shown(name)); (only the predefined entities are allowed)")
            }
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" {
                value = digits.count > 1 ? UInt32(digits.dropFirst(), radix: 16) : nil
            } else {
                value = digits.isEmpty ? nil : UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                position = start
                throw error("invalid character reference &\(Self.shown(name));")
            }
            output.append(contentsOf: String(Character(scalar)).utf8)
        }
    }

    private mutating func parseCDATA(into output: inout [UInt8]) throws(XMLParseError) {
        let body = try skipSection(opening: 9, closing: "]]>", unclosed: "the CDATA section is not closed")
        output.append(contentsOf: bytes[body])
    }

    private mutating func skipComment() throws(XMLParseError) {
        _ = try skipSection(opening: 4, closing: "-->", unclosed: "the comment is not closed")
    }

    private mutating func skipProcessingInstruction() throws(XMLParseError) {
        _ = try skipSection(opening: 2, closing: "?>", unclosed: "the processing instruction is not closed")
    }

    /// Moves past a section that opens with `opening` bytes and ends with
    /// `closing`, returning the range between them; an unclosed section is an
    /// error at its start.
    private mutating func skipSection(opening: Int, closing: StaticString, unclosed: String) throws(XMLParseError) -> Range<Int> {
        let start = position
        position += opening
        let bodyStart = position
        while position < bytes.count {
            if looking(at: closing) {
                let body = bodyStart..<position
                position += closing.utf8CodeUnitCount
                return body
            }
            position += 1
        }
        position = start
        throw error(unclosed)
    }

    // MARK: - Bytes

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
        return position > start
    }

    private func looking(at literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        let text = literal.utf8Start
        for index in 0..<count where bytes[position + index] != text[index] {
            return false
        }
        return true
    }

    /// The message is made only when it is needed: most calls succeed.
    private mutating func expect(_ character: Unicode.Scalar, _ message: @autoclosure () -> String) throws(XMLParseError) {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { throw error(message()) }
        position += 1
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Names in messages: they hold no white space, but can be long or hold
    /// any character from U+0080 on.
    private static func shown(_ name: String) -> String {
        MessageExcerpt.plain(name)
    }

    private func refusedDeclaration() -> XMLParseError {
        error("document type declarations (<!DOCTYPE>, <!ENTITY>) are not allowed")
    }

    /// Line and column are counted only when an error is reported, so that
    /// parsing valid documents pays nothing for them.
    private func error(_ message: String) -> XMLParseError {
        let offset = min(position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return XMLParseError(message: message, line: line, column: offset - lineStart + 1, offset: offset)
    }
}

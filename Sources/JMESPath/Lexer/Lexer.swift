import JSON

/// Splits an expression into tokens, working on its UTF-8 bytes: everything
/// that has meaning in JMESPath is ASCII, and only names and literals need
/// decoding.
struct Lexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let expression: String
    private var position = 0
    private var list = TokenList()

    init(bytes: UnsafeBufferPointer<UInt8>, expression: String) {
        self.bytes = bytes
        self.expression = expression
    }

    /// The tokens of the whole expression, ending with `.end`.
    static func tokenize(_ expression: String) throws(JMESPathError) -> TokenList {
        let result = expression.utf8.withContiguousStorageIfAvailable { buffer in
            var lexer = Lexer(bytes: buffer, expression: expression)
            return Result { () throws(JMESPathError) in try lexer.run() }
        }
        if let result { return try result.get() }
        // Bridged strings may not be contiguous; a native copy is.
        var copy = expression
        copy.makeContiguousUTF8()
        return try tokenize(copy)
    }

    private mutating func run() throws(JMESPathError) -> TokenList {
        list.tokens.reserveCapacity(bytes.count / 2 + 1)
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "."): single(.dot)
            case UInt8(ascii: "*"): single(.star)
            case UInt8(ascii: "]"): single(.rightBracket)
            case UInt8(ascii: ","): single(.comma)
            case UInt8(ascii: ":"): single(.colon)
            case UInt8(ascii: "@"): single(.current)
            case UInt8(ascii: "("): single(.leftParenthesis)
            case UInt8(ascii: ")"): single(.rightParenthesis)
            case UInt8(ascii: "{"): single(.leftBrace)
            case UInt8(ascii: "}"): single(.rightBrace)
            case UInt8(ascii: "["):
                switch peek(1) {
                case UInt8(ascii: "]"): double(.flatten)
                case UInt8(ascii: "?"): double(.filter)
                default: single(.leftBracket)
                }
            case UInt8(ascii: "|"): either(UInt8(ascii: "|"), .or, else: .pipe)
            case UInt8(ascii: "&"): either(UInt8(ascii: "&"), .and, else: .expressionReference)
            case UInt8(ascii: "<"): either(UInt8(ascii: "="), .lessOrEqual, else: .less)
            case UInt8(ascii: ">"): either(UInt8(ascii: "="), .greaterOrEqual, else: .greater)
            case UInt8(ascii: "!"): either(UInt8(ascii: "="), .notEqual, else: .not)
            case UInt8(ascii: "="): either(UInt8(ascii: "="), .equal, else: .assign)
            case UInt8(ascii: "'"): try rawString()
            case UInt8(ascii: "`"): try literal()
            case UInt8(ascii: "\""): try quotedIdentifier()
            case UInt8(ascii: "$"): try variable()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default:
                if Lexer.startsIdentifier(byte) {
                    let start = position
                    let name = identifier()
                    append(.unquotedIdentifier, at: start, name: name)
                } else {
                    throw error("unexpected character \(describeCharacter(at: position))", at: position)
                }
            }
        }
        list.tokens.append(Token(kind: .end, start: bytes.count))
        return list
    }

    private func peek(_ distance: Int) -> UInt8? {
        position + distance < bytes.count ? bytes[position + distance] : nil
    }

    private mutating func append(_ kind: Token.Kind, at start: Int, name: String) {
        list.tokens.append(Token(kind: kind, start: start, value: list.names.count))
        list.names.append(name)
    }

    private mutating func append(literal: JSON, at start: Int) {
        list.tokens.append(Token(kind: .literal, start: start, value: list.literals.count))
        list.literals.append(literal)
    }

    private mutating func single(_ kind: Token.Kind) {
        list.tokens.append(Token(kind: kind, start: position))
        position += 1
    }

    private mutating func double(_ kind: Token.Kind) {
        list.tokens.append(Token(kind: kind, start: position))
        position += 2
    }

    private mutating func either(_ second: UInt8, _ kind: Token.Kind, else otherwise: Token.Kind) {
        if peek(1) == second {
            double(kind)
        } else {
            single(otherwise)
        }
    }

    static func startsIdentifier(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): return true
        default: return false
        }
    }

    static func continuesIdentifier(_ byte: UInt8) -> Bool {
        startsIdentifier(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func identifier() -> String {
        let start = position
        position += 1
        while position < bytes.count, Lexer.continuesIdentifier(bytes[position]) {
            position += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func variable() throws(JMESPathError) {
        let start = position
        position += 1
        guard position < bytes.count, Lexer.startsIdentifier(bytes[position]) else {
            throw error("'$' must be followed by a variable name", at: start)
        }
        append(.variable, at: start, name: identifier())
    }

    private mutating func number() throws(JMESPathError) {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var value = 0
        var overflow = false
        let digitsStart = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            let digit = Int(bytes[position] - UInt8(ascii: "0"))
            // Accumulating negatively reaches Int.min, which has no positive twin.
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            value = next
            position += 1
        }
        if position == digitsStart {
            throw error("'-' must be followed by a number", at: start)
        }
        if overflow {
            throw error("the number is too large", at: start)
        }
        list.tokens.append(Token(kind: .number, start: start, value: value))
    }

    /// The body between `start` and its closing `delimiter`; a backslash
    /// always takes the next byte with it, so an escaped delimiter does not
    /// close. Leaves `position` after the closing delimiter.
    private mutating func delimited(by delimiter: UInt8, what: String) throws(JMESPathError) -> Range<Int> {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != delimiter {
            if bytes[position] == UInt8(ascii: "\\") { position += 1 }
            position += 1
        }
        guard position < bytes.count else {
            throw error("\(what) is not closed", at: start)
        }
        position += 1
        return (start + 1)..<(position - 1)
    }

    /// Drops the backslash before each escaped `delimiter`, and only there.
    private func unescaping(_ range: Range<Int>, _ delimiter: UInt8) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < range.upperBound, bytes[index + 1] == delimiter {
                result.append(delimiter)
                index += 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private mutating func rawString() throws(JMESPathError) {
        let start = position
        let body = try delimited(by: UInt8(ascii: "'"), what: "the raw string")
        let text = String(decoding: unescaping(body, UInt8(ascii: "'")), as: UTF8.self)
        append(literal: .string(text), at: start)
    }

    private mutating func literal() throws(JMESPathError) {
        let start = position
        let body = unescaping(try delimited(by: UInt8(ascii: "`"), what: "the literal"), UInt8(ascii: "`"))
        let value: JSON
        if let parsed = try? JSON(parsing: body) {
            value = parsed
        } else {
            // JEP-12 deprecated unquoted literal strings (`foo`), but the aws
            // CLI still accepts them and AWS's own examples use them.
            let trimmed = body.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            guard let string = try? JSON(parsing: [UInt8(ascii: "\"")] + trimmed + [UInt8(ascii: "\"")]) else {
                throw error("the literal is not valid JSON", at: start)
            }
            value = string
        }
        append(literal: value, at: start)
    }

    private mutating func quotedIdentifier() throws(JMESPathError) {
        let start = position
        _ = try delimited(by: UInt8(ascii: "\""), what: "the quoted identifier")
        // The identifier is a JSON string, quotes included.
        let quoted = UnsafeBufferPointer(rebasing: bytes[start..<position])
        guard case .string(let name)? = try? JSON(parsing: quoted) else {
            throw error("the quoted identifier is not a valid JSON string", at: start)
        }
        append(.quotedIdentifier, at: start, name: name)
    }

    private func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F {
            return "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        // Decode the whole character a non-ASCII byte starts.
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self) + "'"
    }

    private func error(_ message: String, at offset: Int) -> JMESPathError {
        JMESPathError(.syntax, message, expression: expression, utf8Offset: offset)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

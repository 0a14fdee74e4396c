import JSON

/// One token of an expression, with where it starts (in UTF-8 bytes) so that
/// errors can point at it. Tokens are plain values, cheap to copy while
/// parsing; names and literals live beside them in the `TokenList`.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case end
        case unquotedIdentifier, quotedIdentifier, variable
        case literal, number
        case dot, star, flatten, filter, leftBracket, rightBracket
        case leftBrace, rightBrace, leftParenthesis, rightParenthesis
        case comma, colon, current, expressionReference, assign
        case pipe, or, and, not
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    }

    let kind: Kind
    let start: Int
    /// A number's value; for a name (identifier or variable) or a literal,
    /// its index in the list's `names` or `literals`.
    var value = 0

    var bindingPower: Int { kind.bindingPower }

    /// Tokens binding less than this end the right-hand side of a projection.
    static let projectionStop = 10
}

/// The tokens of an expression, ending with `.end`, and their payloads.
struct TokenList: Sendable {
    var tokens: [Token] = []
    var names: [String] = []
    var literals: [JSON] = []

    func name(_ token: Token) -> String {
        token.kind == .unquotedIdentifier || token.kind == .quotedIdentifier || token.kind == .variable
            ? names[token.value] : ""
    }

    func literal(_ token: Token) -> JSON {
        token.kind == .literal ? literals[token.value] : .null
    }

    /// The token as an error message names it.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "the end of the expression"
        case .unquotedIdentifier: return "'\(name(token))'"
        case .quotedIdentifier: return "the quoted identifier \(JSON.string(name(token)).text)"
        case .variable: return "the variable '$\(name(token))'"
        case .literal: return "a literal"
        case .number: return "the number \(token.value)"
        default: return "'\(token.kind.symbol)'"
        }
    }
}

extension Token.Kind {
    /// How tightly the token binds as an infix operator in the Pratt parser;
    /// the values are those of the reference implementation, which the
    /// compliance suite pins down.
    var bindingPower: Int {
        switch self {
        case .pipe: return 1
        case .or: return 2
        case .and: return 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 5
        case .flatten: return 9
        case .star: return 20
        case .filter: return 21
        case .dot: return 40
        case .not: return 45
        case .leftBrace: return 50
        case .leftBracket: return 55
        case .leftParenthesis: return 60
        default: return 0
        }
    }
}

extension Token.Kind {
    /// How an operator is written.
    var symbol: String {
        switch self {
        case .dot: return "."
        case .star: return "*"
        case .flatten: return "[]"
        case .filter: return "[?"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .leftParenthesis: return "("
        case .rightParenthesis: return ")"
        case .comma: return ","
        case .colon: return ":"
        case .current: return "@"
        case .expressionReference: return "&"
        case .assign: return "="
        case .pipe: return "|"
        case .or: return "||"
        case .and: return "&&"
        case .not: return "!"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .end, .unquotedIdentifier, .quotedIdentifier, .variable, .literal, .number: return ""
        }
    }
}

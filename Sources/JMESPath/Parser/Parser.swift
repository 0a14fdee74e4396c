import JSON

/// A top-down operator precedence (Pratt) parser, shaped like the reference
/// implementation so that projections stop exactly where the specification
/// says they do.
///
/// Two limits keep hostile input from exhausting the stack: `maximumNesting`
/// bounds the parser's own recursion, and `maximumHeight` bounds the height of
/// the tree it builds. Every recursive step of the interpreter descends one
/// level of that tree, so the second limit also bounds evaluation.
struct Parser {
    static let maximumNesting = 256
    static let maximumHeight = 512

    private let expression: String
    private let list: TokenList
    private let tokens: [Token]
    private var index = 0
    private var nesting = 0
    /// The first unknown function or wrong argument count. It is raised only
    /// once the whole expression has parsed, so that a syntax error further
    /// on, which makes the expression meaningless, is the one reported.
    private var functionError: JMESPathError?

    /// A node and the height of its tree.
    private struct Parsed {
        var node: Node
        var height: Int

        init(_ node: Node) {
            self.node = node
            self.height = 1
        }

        init(_ node: Node, _ child: Parsed) {
            self.node = node
            self.height = child.height + 1
        }

        init(_ node: Node, _ first: Parsed, _ second: Parsed) {
            self.node = node
            self.height = max(first.height, second.height) + 1
        }

        init(_ node: Node, _ first: Parsed, _ second: Parsed, _ third: Parsed) {
            self.node = node
            self.height = max(first.height, second.height, third.height) + 1
        }

        init(_ node: Node, children: [Parsed]) {
            self.node = node
            var height = 0
            for child in children { height = max(height, child.height) }
            self.height = height + 1
        }
    }

    static func parse(_ expression: String) throws(JMESPathError) -> Node {
        var parser = Parser(expression: expression, list: try Lexer.tokenize(expression))
        let parsed = try parser.expression(0)
        if parser.currentKind != .end {
            let extra = parser.current
            throw parser.error("unexpected \(parser.list.describe(extra)) after a complete expression", at: extra)
        }
        if let functionError = parser.functionError { throw functionError }
        return parsed.node
    }

    private init(expression: String, list: TokenList) {
        self.expression = expression
        self.list = list
        self.tokens = list.tokens
    }

    private var current: Token { tokens[index] }

    private var currentKind: Token.Kind { tokens[index].kind }

    private func lookahead(_ distance: Int) -> Token {
        tokens[min(max(index + distance, 0), tokens.count - 1)]
    }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(JMESPathError) {
        guard currentKind == kind else {
            throw error("expected \(what) but found \(list.describe(current))", at: current)
        }
        advance()
    }

    // MARK: Pratt loop

    private mutating func expression(_ bindingPower: Int) throws(JMESPathError) -> Parsed {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maximumNesting {
            throw error("the expression nests more than \(Parser.maximumNesting) levels deep", at: current)
        }
        let token = current
        advance()
        var left = try nud(token)
        while bindingPower < currentKind.bindingPower {
            let token = current
            advance()
            left = try led(token, left, within: bindingPower)
            if left.height > Parser.maximumHeight {
                throw error("the expression is more than \(Parser.maximumHeight) operations deep", at: token)
            }
        }
        return left
    }

    /// A token at the start of an expression.
    private mutating func nud(_ token: Token) throws(JMESPathError) -> Parsed {
        switch token.kind {
        case .literal:
            return Parsed(.literal(list.literal(token)))
        case .unquotedIdentifier:
            if list.name(token) == "let", currentKind == .variable {
                return try letExpression()
            }
            return Parsed(.field(list.name(token)))
        case .quotedIdentifier:
            if currentKind == .leftParenthesis {
                throw error("a function name cannot be a quoted identifier", at: token)
            }
            return Parsed(.field(list.name(token)))
        case .variable:
            return Parsed(.variable(list.name(token), offset: token.start))
        case .current:
            return Parsed(.current)
        case .star:
            let right = currentKind == .rightBracket
                ? Parsed(.current) : try projectionRight(Token.Kind.star.bindingPower)
            return Parsed(.objectProjection(.current, right.node), right)
        case .filter:
            return try filter(Parsed(.current))
        case .leftBrace:
            return try multiSelectHash()
        case .leftParenthesis:
            let inner = try expression(0)
            try expect(.rightParenthesis, "')'")
            return inner
        case .flatten:
            let right = try projectionRight(token.bindingPower)
            return Parsed(.listProjection(.flatten(.current), right.node), right)
        case .not:
            let operand = try expression(token.bindingPower)
            return Parsed(.not(operand.node), operand)
        case .leftBracket:
            if currentKind == .number || currentKind == .colon {
                return try indexOrSlice(Parsed(.current))
            }
            if currentKind == .star, lookahead(1).kind == .rightBracket {
                advance()
                advance()
                let right = try projectionRight(Token.Kind.star.bindingPower)
                return Parsed(.listProjection(.current, right.node), right)
            }
            return try multiSelectList()
        case .expressionReference:
            let referenced = try expression(token.bindingPower)
            return Parsed(.expressionReference(referenced.node), referenced)
        case .end:
            throw error("the expression is incomplete", at: token)
        default:
            throw error("unexpected \(list.describe(token))", at: token)
        }
    }

    /// A token that continues the expression `left`, in a loop that takes
    /// tokens binding more tightly than `bindingPower`.
    private mutating func led(_ token: Token, _ left: Parsed, within bindingPower: Int) throws(JMESPathError) -> Parsed {
        switch token.kind {
        case .dot:
            if currentKind == .star {
                advance()
                let right = try projectionRight(token.bindingPower)
                return Parsed(.objectProjection(left.node, right.node), left, right)
            }
            let right = try dotRight(token.bindingPower)
            if case .field(let name) = right.node, var names = Parser.fieldNames(left.node) {
                names.append(name)
                // The enclosing loop would take each further `.name` as one
                // more plain field; taking them here builds a long path once
                // instead of copying it at every dot.
                if bindingPower < token.bindingPower {
                    while currentKind == .dot, plainFieldFollows() {
                        advance()
                        names.append(list.name(current))
                        advance()
                    }
                }
                return Parsed(.fieldPath(names))
            }
            return Parsed(.subexpression(left.node, right.node), left, right)
        case .pipe:
            let right = try expression(token.bindingPower)
            return Parsed(.pipe(left.node, right.node), left, right)
        case .or:
            let right = try expression(token.bindingPower)
            return Parsed(.or(left.node, right.node), left, right)
        case .and:
            let right = try expression(token.bindingPower)
            return Parsed(.and(left.node, right.node), left, right)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let right = try expression(token.bindingPower)
            return Parsed(.comparison(Parser.comparator(token.kind), left.node, right.node), left, right)
        case .leftParenthesis:
            return try functionCall(left, openedBy: token)
        case .filter:
            return try filter(left)
        case .flatten:
            let right = try projectionRight(token.bindingPower)
            return Parsed(.listProjection(.flatten(left.node), right.node), left, right)
        case .leftBracket:
            if currentKind == .number || currentKind == .colon {
                return try indexOrSlice(left)
            }
            try expect(.star, "a number, ':' or '*' after '['")
            try expect(.rightBracket, "']'")
            let right = try projectionRight(Token.Kind.star.bindingPower)
            return Parsed(.listProjection(left.node, right.node), left, right)
        default:
            throw error("unexpected \(list.describe(token))", at: token)
        }
    }

    // MARK: Pieces

    /// The names of a plain field or path: `a.b` on plain fields becomes one
    /// path, the commonest shape by far and the cheapest to walk.
    private static func fieldNames(_ node: Node) -> [String]? {
        switch node {
        case .field(let name): return [name]
        case .fieldPath(let names): return names
        default: return nil
        }
    }

    /// Whether a dot is followed by an identifier that nothing binds to more
    /// tightly than the dot (no call, bracket or hash), and that does not
    /// start a let expression.
    private func plainFieldFollows() -> Bool {
        let name = lookahead(1)
        guard name.kind == .unquotedIdentifier || name.kind == .quotedIdentifier else { return false }
        let next = lookahead(2)
        if name.kind == .unquotedIdentifier, list.name(name) == "let", next.kind == .variable { return false }
        return next.bindingPower <= Token.Kind.dot.bindingPower
    }

    private static func comparator(_ kind: Token.Kind) -> Comparator {
        switch kind {
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        default: return .equal
        }
    }

    /// What follows a projection: nothing (a token that stops it), a bracket,
    /// a filter, or a dot and what may follow a dot.
    private mutating func projectionRight(_ bindingPower: Int) throws(JMESPathError) -> Parsed {
        if currentKind.bindingPower < Token.projectionStop {
            return Parsed(.current)
        }
        switch currentKind {
        case .leftBracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRight(bindingPower)
        default:
            throw error("unexpected \(list.describe(current)) after a projection", at: current)
        }
    }

    /// After a dot: an identifier, a function call, `*`, a multi-select list or hash.
    private mutating func dotRight(_ bindingPower: Int) throws(JMESPathError) -> Parsed {
        switch currentKind {
        case .unquotedIdentifier, .quotedIdentifier, .star:
            if currentKind == .unquotedIdentifier, list.name(current) == "let", lookahead(1).kind == .variable {
                throw error("a let expression cannot follow '.'", at: current)
            }
            return try expression(bindingPower)
        case .leftBracket:
            advance()
            return try multiSelectList()
        case .leftBrace:
            advance()
            return try multiSelectHash()
        default:
            throw error("expected an identifier, '*', '[' or '{' after '.' but found \(list.describe(current))", at: current)
        }
    }

    private mutating func filter(_ left: Parsed) throws(JMESPathError) -> Parsed {
        let condition = try expression(0)
        try expect(.rightBracket, "']' to close the filter")
        let right = currentKind == .flatten
            ? Parsed(.current) : try projectionRight(Token.Kind.filter.bindingPower)
        return Parsed(.filterProjection(left.node, condition: condition.node, right.node), left, condition, right)
    }

    /// `[` has been read and a number or ':' follows.
    private mutating func indexOrSlice(_ left: Parsed) throws(JMESPathError) -> Parsed {
        let open = lookahead(-1)
        if currentKind == .colon || lookahead(1).kind == .colon {
            let slice = try sliceParts(at: open.start)
            let sliced = Parsed(.subexpression(left.node, .slice(slice)), left)
            let right = try projectionRight(Token.Kind.star.bindingPower)
            return Parsed(.listProjection(sliced.node, right.node), sliced, right)
        }
        guard currentKind == .number else {
            throw error("expected an index but found \(list.describe(current))", at: current)
        }
        let position = current.value
        advance()
        try expect(.rightBracket, "']' after the index")
        return Parsed(.subexpression(left.node, .index(position)), left)
    }

    private mutating func sliceParts(at offset: Int) throws(JMESPathError) -> Slice {
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        while currentKind != .rightBracket {
            switch currentKind {
            case .colon:
                part += 1
                if part == 3 {
                    throw error("a slice has at most three parts", at: current)
                }
            case .number:
                if parts[part] != nil {
                    throw error("expected ':' or ']' in the slice but found \(list.describe(current))", at: current)
                }
                parts[part] = current.value
            default:
                throw error("expected a number, ':' or ']' in the slice but found \(list.describe(current))", at: current)
            }
            advance()
        }
        advance()
        return Slice(start: parts[0], stop: parts[1], step: parts[2], offset: offset)
    }

    private mutating func multiSelectList() throws(JMESPathError) -> Parsed {
        var elements: [Parsed] = []
        while true {
            elements.append(try expression(0))
            if currentKind == .rightBracket { break }
            try expect(.comma, "',' or ']' in the list")
        }
        advance()
        return Parsed(.multiSelectList(elements.map(\.node)), children: elements)
    }

    private mutating func multiSelectHash() throws(JMESPathError) -> Parsed {
        var pairs: [KeyedNode] = []
        var children: [Parsed] = []
        while true {
            guard currentKind == .unquotedIdentifier || currentKind == .quotedIdentifier else {
                throw error("expected a key but found \(list.describe(current))", at: current)
            }
            let key = list.name(current)
            advance()
            try expect(.colon, "':' after the key")
            let value = try expression(0)
            pairs.append(KeyedNode(key: key, node: value.node))
            children.append(value)
            if currentKind == .rightBrace { break }
            try expect(.comma, "',' or '}' in the hash")
        }
        advance()
        return Parsed(.multiSelectHash(pairs), children: children)
    }

    /// `(` follows `left`, which must be a plain name.
    private mutating func functionCall(_ left: Parsed, openedBy parenthesis: Token) throws(JMESPathError) -> Parsed {
        let nameToken = lookahead(-2)
        guard case .field(let name) = left.node, nameToken.kind == .unquotedIdentifier else {
            throw error("only a function name can be followed by '('", at: parenthesis)
        }
        let function = BuiltinFunction(rawValue: name)
        if function == nil, functionError == nil {
            functionError = JMESPathError(
                .unknownFunction, "unknown function \(name)()", expression: expression, utf8Offset: nameToken.start)
        }
        var arguments: [Parsed] = []
        if currentKind != .rightParenthesis {
            while true {
                arguments.append(try expression(0))
                if currentKind == .rightParenthesis { break }
                try expect(.comma, "',' or ')' after the argument")
            }
        }
        advance()
        // An unknown function's error is raised when parsing ends, so this
        // stand-in is never evaluated.
        guard let function else { return Parsed(.literal(.null), children: arguments) }
        if let problem = function.signature.arityProblem(count: arguments.count, name: name), functionError == nil {
            functionError = JMESPathError(.invalidArity, problem, expression: expression, utf8Offset: nameToken.start)
        }
        let call = FunctionCall(function: function, arguments: arguments.map(\.node), offset: nameToken.start)
        return Parsed(.functionCall(call), children: arguments)
    }

    /// `let` has been read and a variable follows.
    private mutating func letExpression() throws(JMESPathError) -> Parsed {
        var bindings: [VariableBinding] = []
        var children: [Parsed] = []
        while true {
            guard currentKind == .variable else {
                throw error("expected a variable such as $name but found \(list.describe(current))", at: current)
            }
            let name = list.name(current)
            advance()
            try expect(.assign, "'=' after the variable")
            let value = try expression(0)
            bindings.append(VariableBinding(name: name, node: value.node))
            children.append(value)
            if currentKind == .unquotedIdentifier, list.name(current) == "in" {
                advance()
                break
            }
            try expect(.comma, "',' or 'in' after the binding")
        }
        let body = try expression(0)
        children.append(body)
        return Parsed(.letBinding(bindings, body.node), children: children)
    }

    private func error(_ message: String, at token: Token) -> JMESPathError {
        JMESPathError(.syntax, message, expression: expression, utf8Offset: token.start)
    }
}

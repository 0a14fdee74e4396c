import JSON

/// A compiled JMESPath expression: compile once, evaluate any number of
/// times, from any thread (it is an immutable value).
///
/// Beyond the specification it implements JEP-18 lexical scope
/// (`let $a = expr in body`), and it orders strings with `<`, `>`, `<=` and
/// `>=` by code points as the aws CLI's JMESPath does, so that expressions
/// learners copy from `aws --query` behave the same here.
public struct JMESPathExpression: Sendable, CustomStringConvertible {
    /// The expression as written.
    public let text: String
    let root: Node

    /// Compiles `text`; a syntax error, an unknown function or a wrong
    /// number of arguments is reported here, with its position.
    public init(_ text: String) throws(JMESPathError) {
        self.text = text
        self.root = try Parser.parse(text)
    }

    /// Evaluates the expression over `value`. `variables` is the initial
    /// scope JEP-18 allows: `$name` refers to `variables["name"]` unless a
    /// `let` rebinds it.
    public func evaluate(_ value: JSON, variables: [String: JSON] = [:]) throws(JMESPathError) -> JSON {
        try Interpreter(expression: text, variables: variables).evaluate(root, value)
    }

    public var description: String { text }
}

extension JSON {
    /// Compiles and evaluates `expression` over this value in one step.
    public func search(_ expression: String) throws(JMESPathError) -> JSON {
        try JMESPathExpression(expression).evaluate(self)
    }
}

import JSON

/// An evaluated function argument: a value, or the expression of an `&expr`
/// argument, which the function evaluates itself.
enum FunctionArgument {
    case value(JSON)
    case expression(Node)

    /// The value; an expression argument never reaches a parameter that
    /// reads values, because the signature check refuses it first.
    var json: JSON {
        if case .value(let value) = self { return value }
        return .null
    }

    var elements: [JSON] {
        if case .value(.array(let elements)) = self { return elements }
        return []
    }

    var string: String {
        if case .value(.string(let string)) = self { return string }
        return ""
    }

    var object: JSONObject {
        if case .value(.object(let object)) = self { return object }
        return JSONObject()
    }

    var node: Node {
        if case .expression(let node) = self { return node }
        return .current
    }
}

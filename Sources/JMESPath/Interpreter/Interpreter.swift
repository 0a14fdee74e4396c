import JSON

/// Walks a compiled tree over a JSON value. It holds only the lexical scope,
/// so it is cheap to create for each evaluation and for each `let`.
struct Interpreter {
    /// The expression's text, for the errors evaluation raises.
    let expression: String
    private(set) var variables: [String: JSON]

    init(expression: String, variables: [String: JSON]) {
        self.expression = expression
        self.variables = variables
    }

    /// Each case hands its work to a method of its own: in a debug build the
    /// frame of this recursive function holds every case's locals, and
    /// keeping it small keeps deep expressions well inside a thread's stack.
    func evaluate(_ node: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        switch node {
        case .current: return value
        case .field(let name): return Interpreter.field(name, of: value)
        case .fieldPath(let path): return Interpreter.path(path, of: value)
        case .subexpression(let left, let right), .pipe(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .index(let position): return Interpreter.element(position, of: value)
        case .slice(let slice): return try self.slice(slice, of: value)
        case .listProjection(let left, let right): return try projectList(left, right, value)
        case .objectProjection(let left, let right): return try projectObject(left, right, value)
        case .filterProjection(let left, let condition, let right): return try filter(left, condition, right, value)
        case .flatten(let inner): return try flatten(inner, value)
        case .literal(let literal): return literal
        case .multiSelectList(let nodes): return try multiSelect(nodes, value)
        case .multiSelectHash(let pairs): return try multiSelect(pairs, value)
        case .or(let left, let right): return try or(left, right, value)
        case .and(let left, let right): return try and(left, right, value)
        case .not(let operand): return .bool(!(try evaluate(operand, value).isTruthy))
        case .comparison(let comparator, let left, let right): return try compare(comparator, left, right, value)
        case .functionCall(let call): return try self.call(call, value)
        case .expressionReference: throw misplacedExpressionReference()
        case .variable(let name, let offset): return try variable(name, at: offset)
        case .letBinding(let bindings, let body): return try bind(bindings, body, value)
        }
    }

    private static func field(_ name: String, of value: JSON) -> JSON {
        if case .object(let object) = value { return object[name] ?? .null }
        return .null
    }

    private static func path(_ path: [String], of value: JSON) -> JSON {
        var result = value
        for name in path {
            guard case .object(let object) = result, let next = object[name] else { return .null }
            result = next
        }
        return result
    }

    private static func element(_ position: Int, of value: JSON) -> JSON {
        guard case .array(let array) = value else { return .null }
        let resolved = position < 0 ? array.count + position : position
        return array.indices.contains(resolved) ? array[resolved] : .null
    }

    private func projectList(_ left: Node, _ right: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        guard case .array(let array) = try evaluate(left, value) else { return .null }
        return .array(try project(array, right))
    }

    private func projectObject(_ left: Node, _ right: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        guard case .object(let object) = try evaluate(left, value) else { return .null }
        return .array(try project(object.values, right))
    }

    private func filter(_ left: Node, _ condition: Node, _ right: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        guard case .array(let array) = try evaluate(left, value) else { return .null }
        var result: [JSON] = []
        for element in array where try evaluate(condition, element).isTruthy {
            let projected = try evaluate(right, element)
            if !projected.isNull { result.append(projected) }
        }
        return .array(result)
    }

    private func flatten(_ inner: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        guard case .array(let array) = try evaluate(inner, value) else { return .null }
        var result: [JSON] = []
        result.reserveCapacity(array.count)
        for element in array {
            if case .array(let nested) = element {
                result.append(contentsOf: nested)
            } else {
                result.append(element)
            }
        }
        return .array(result)
    }

    private func multiSelect(_ nodes: [Node], _ value: JSON) throws(JMESPathError) -> JSON {
        if case .null = value { return .null }
        var result: [JSON] = []
        result.reserveCapacity(nodes.count)
        for node in nodes { result.append(try evaluate(node, value)) }
        return .array(result)
    }

    private func multiSelect(_ pairs: [KeyedNode], _ value: JSON) throws(JMESPathError) -> JSON {
        if case .null = value { return .null }
        var result = JSONObject()
        for pair in pairs { result[pair.key] = try evaluate(pair.node, value) }
        return .object(result)
    }

    private func or(_ left: Node, _ right: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        let first = try evaluate(left, value)
        return first.isTruthy ? first : try evaluate(right, value)
    }

    private func and(_ left: Node, _ right: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        let first = try evaluate(left, value)
        return first.isTruthy ? try evaluate(right, value) : first
    }

    private func misplacedExpressionReference() -> JMESPathError {
        JMESPathError(
            .invalidType, "an expression reference (&...) can only be a function argument",
            expression: expression, utf8Offset: nil)
    }

    private func variable(_ name: String, at offset: Int) throws(JMESPathError) -> JSON {
        guard let bound = variables[name] else {
            throw JMESPathError(
                .undefinedVariable, "the variable $\(name) is not defined here",
                expression: expression, utf8Offset: offset)
        }
        return bound
    }

    /// Every binding sees the outer scope only; the body sees them all.
    private func bind(_ bindings: [VariableBinding], _ body: Node, _ value: JSON) throws(JMESPathError) -> JSON {
        var inner = self
        for binding in bindings {
            inner.variables[binding.name] = try evaluate(binding.node, value)
        }
        return try inner.evaluate(body, value)
    }

    /// `right` over each element, dropping nulls as projections do.
    private func project(_ elements: [JSON], _ right: Node) throws(JMESPathError) -> [JSON] {
        var result: [JSON] = []
        result.reserveCapacity(elements.count)
        if case .current = right {
            for element in elements where !element.isNull { result.append(element) }
            return result
        }
        for element in elements {
            let projected = try evaluate(right, element)
            if !projected.isNull { result.append(projected) }
        }
        return result
    }

    /// Python's slice semantics, which the specification adopts.
    private func slice(_ slice: Slice, of value: JSON) throws(JMESPathError) -> JSON {
        guard case .array(let array) = value else { return .null }
        let step = slice.step ?? 1
        if step == 0 {
            throw JMESPathError(
                .invalidValue, "a slice step cannot be 0", expression: expression, utf8Offset: slice.offset)
        }
        let count = array.count
        func clamp(_ bound: Int?, ifAbsent absent: Int) -> Int {
            guard var bound else { return absent }
            if bound < 0 { bound += count }
            let lower = step < 0 ? -1 : 0
            let upper = step < 0 ? count - 1 : count
            return min(max(bound, lower), upper)
        }
        let start = clamp(slice.start, ifAbsent: step < 0 ? count - 1 : 0)
        let stop = clamp(slice.stop, ifAbsent: step < 0 ? -1 : count)
        var result: [JSON] = []
        var index = start
        while step > 0 ? index < stop : index > stop {
            result.append(array[index])
            let (next, overflow) = index.addingReportingOverflow(step)
            if overflow { break }
            index = next
        }
        return .array(result)
    }

    private func compare(_ comparator: Comparator, _ leftNode: Node, _ rightNode: Node, _ value: JSON)
        throws(JMESPathError) -> JSON
    {
        let left = try evaluate(leftNode, value)
        let right = try evaluate(rightNode, value)
        switch comparator {
        case .equal: return .bool(left.jmespathEquals(right))
        case .notEqual: return .bool(!left.jmespathEquals(right))
        case .less: return left.precedes(right).map(JSON.bool) ?? .null
        case .greater: return right.precedes(left).map(JSON.bool) ?? .null
        case .lessOrEqual: return right.precedes(left).map { .bool(!$0) } ?? .null
        case .greaterOrEqual: return left.precedes(right).map { .bool(!$0) } ?? .null
        }
    }

    private func call(_ call: FunctionCall, _ value: JSON) throws(JMESPathError) -> JSON {
        var arguments: [FunctionArgument] = []
        arguments.reserveCapacity(call.arguments.count)
        for node in call.arguments {
            if case .expressionReference(let referenced) = node {
                arguments.append(.expression(referenced))
            } else {
                arguments.append(.value(try evaluate(node, value)))
            }
        }
        let invocation = FunctionInvocation(function: call.function, offset: call.offset, interpreter: self)
        return try invocation.run(arguments)
    }
}

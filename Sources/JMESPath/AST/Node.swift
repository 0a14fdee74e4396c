import JSON

/// A compiled expression: the tree the interpreter walks directly.
///
/// Sub-expressions, index expressions and pipes all evaluate their right side
/// against the result of their left side; they stay distinct cases because
/// the parser gives them different projection behaviour, which is already
/// encoded in the shape of the tree.
indirect enum Node: Sendable {
    /// `@`, and the implicit current node of projections and brackets.
    case current
    case field(String)
    /// `a.b.c`: a chain of plain fields, walked in one loop.
    case fieldPath([String])
    case subexpression(Node, Node)
    case pipe(Node, Node)
    case index(Int)
    case slice(Slice)
    /// `left[*]`, `left[]`, slices: `right` applied to each element of an array.
    case listProjection(Node, Node)
    /// `left.*`: `right` applied to each value of an object.
    case objectProjection(Node, Node)
    case filterProjection(Node, condition: Node, Node)
    /// Merges one level of nested arrays.
    case flatten(Node)
    case literal(JSON)
    case multiSelectList([Node])
    case multiSelectHash([KeyedNode])
    case or(Node, Node)
    case and(Node, Node)
    case not(Node)
    case comparison(Comparator, Node, Node)
    case functionCall(FunctionCall)
    /// `&expr`; only meaningful as a function argument.
    case expressionReference(Node)
    case variable(String, offset: Int)
    case letBinding([VariableBinding], Node)
}

struct Slice: Sendable {
    let start: Int?
    let stop: Int?
    let step: Int?
    /// Where the slice is written, for the error a zero step raises.
    let offset: Int
}

struct KeyedNode: Sendable {
    let key: String
    let node: Node
}

struct VariableBinding: Sendable {
    let name: String
    let node: Node
}

struct FunctionCall: Sendable {
    let function: BuiltinFunction
    let arguments: [Node]
    /// Where the function's name is written.
    let offset: Int
}

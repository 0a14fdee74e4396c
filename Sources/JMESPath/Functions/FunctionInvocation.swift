import JSON

/// One call of a built-in function: checks the arguments against the
/// signature, runs the function, and raises its errors at the call's place.
struct FunctionInvocation {
    let function: BuiltinFunction
    let offset: Int
    let interpreter: Interpreter

    func run(_ arguments: [FunctionArgument]) throws(JMESPathError) -> JSON {
        let signature = function.signature
        for (position, argument) in arguments.enumerated() {
            let type = signature.type(at: position)
            if !type.accepts(argument) {
                throw typeError(
                    "\(function.rawValue)() expects \(type.description) as argument \(position + 1), "
                        + "but was given \(ArgumentType.describe(argument))")
            }
        }
        switch function {
        case .abs: return FunctionInvocation.abs(arguments[0].json)
        case .avg: return FunctionInvocation.average(arguments[0].elements)
        case .ceil: return FunctionInvocation.rounded(arguments[0].json, .up)
        case .floor: return FunctionInvocation.rounded(arguments[0].json, .down)
        case .sum: return FunctionInvocation.sum(arguments[0].elements)
        case .contains: return FunctionInvocation.contains(arguments[0].json, arguments[1].json)
        case .length: return FunctionInvocation.length(arguments[0].json)
        case .reverse: return FunctionInvocation.reverse(arguments[0].json)
        case .keys: return .array(arguments[0].object.keys.map(JSON.string))
        case .values: return .array(arguments[0].object.values)
        case .merge: return FunctionInvocation.merge(arguments.map(\.object))
        case .notNull: return arguments.lazy.map(\.json).first { !$0.isNull } ?? .null
        case .max: return FunctionInvocation.extreme(arguments[0].elements, greatest: true)
        case .min: return FunctionInvocation.extreme(arguments[0].elements, greatest: false)
        case .sort: return .array(FunctionInvocation.sorted(arguments[0].elements))
        case .endsWith: return .bool(FunctionInvocation.hasSuffix(arguments[0].string, arguments[1].string))
        case .startsWith: return .bool(arguments[0].string.utf8.starts(with: arguments[1].string.utf8))
        case .join: return FunctionInvocation.join(arguments[0].string, arguments[1].elements)
        case .toArray: return FunctionInvocation.toArray(arguments[0].json)
        case .toNumber: return FunctionInvocation.toNumber(arguments[0].json)
        case .toString: return FunctionInvocation.toString(arguments[0].json)
        case .type: return .string(arguments[0].json.kind.rawValue)
        case .map: return try map(arguments[0].node, arguments[1].elements)
        case .sortBy: return try sortBy(arguments[0].elements, arguments[1].node)
        case .maxBy: return try extremeBy(arguments[0].elements, arguments[1].node, greatest: true)
        case .minBy: return try extremeBy(arguments[0].elements, arguments[1].node, greatest: false)
        }
    }

    func typeError(_ message: String) -> JMESPathError {
        JMESPathError(.invalidType, message, expression: interpreter.expression, utf8Offset: offset)
    }
}

/// The parameters of a function; the last one may repeat.
struct FunctionSignature: Sendable {
    let parameters: [ArgumentType]
    let isVariadic: Bool

    init(_ parameters: ArgumentType..., variadic: Bool = false) {
        self.parameters = parameters
        self.isVariadic = variadic
    }

    /// Why `count` arguments do not fit, or nil when they do.
    func arityProblem(count: Int, name: String) -> String? {
        let expected = parameters.count
        let plural = expected == 1 ? "argument" : "arguments"
        if isVariadic {
            return count >= expected ? nil : "\(name)() takes at least \(expected) \(plural) but was given \(count)"
        }
        return count == expected ? nil : "\(name)() takes \(expected) \(plural) but was given \(count)"
    }

    /// The type of the parameter at `position`, repeating the last when variadic.
    func type(at position: Int) -> ArgumentType {
        position < parameters.count ? parameters[position] : (parameters.last ?? .any)
    }
}

import JSON

/// map, sort_by, max_by, min_by: the functions that take `&expr`.
extension FunctionInvocation {
    func map(_ node: Node, _ elements: [JSON]) throws(JMESPathError) -> JSON {
        var result: [JSON] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try interpreter.evaluate(node, element))
        }
        return .array(result)
    }

    func sortBy(_ elements: [JSON], _ node: Node) throws(JMESPathError) -> JSON {
        let keys = try orderingKeys(elements, node)
        return .array(FunctionInvocation.stableSorted(elements, keys: keys))
    }

    func extremeBy(_ elements: [JSON], _ node: Node, greatest: Bool) throws(JMESPathError) -> JSON {
        let keys = try orderingKeys(elements, node)
        guard var best = keys.indices.first else { return .null }
        for index in keys.indices.dropFirst() {
            let better = greatest ? keys[best].precedes(keys[index]) : keys[index].precedes(keys[best])
            if better == true { best = index }
        }
        return elements[best]
    }

    /// The expression over each element; all numbers or all strings.
    private func orderingKeys(_ elements: [JSON], _ node: Node) throws(JMESPathError) -> [JSON] {
        var keys: [JSON] = []
        keys.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let key = try interpreter.evaluate(node, element)
            let fits = keys.first.map { first in first.isNumber ? key.isNumber : key.isString }
                ?? (key.isNumber || key.isString)
            if !fits {
                let wanted = keys.first.map { $0.isNumber ? "a number" : "a string" } ?? "a number or a string"
                throw typeError(
                    "\(function.rawValue)() needs the expression to give \(wanted) for every element, "
                        + "but it gave \(ArgumentType.describe(key)) for element \(index + 1)")
            }
            keys.append(key)
        }
        return keys
    }
}

/// `--set name=value` pairs: the learner's own values for lesson variables.
public enum VariableOverrides {
    public static func parse(_ pairs: [String]) throws -> [String: String] {
        var overrides: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandFailure.usage("--set takes name=value, not \(pair).")
            }
            overrides[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return overrides
    }
}

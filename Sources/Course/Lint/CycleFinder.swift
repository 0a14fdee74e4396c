/// Finds cycles in a dependency graph, each reported once, starting from its
/// smallest name so that the message is the same on every run.
enum CycleFinder {
    static func cycles(in edges: [String: [String]]) -> [[String]] {
        var found: Set<[String]> = []
        var state: [String: Bool] = [:]  // false: on the current path, true: done
        var path: [String] = []

        func visit(_ node: String) {
            if let done = state[node] {
                if !done, let start = path.firstIndex(of: node) {
                    found.insert(canonical(Array(path[start...])))
                }
                return
            }
            state[node] = false
            path.append(node)
            for next in edges[node] ?? [] where edges[next] != nil {
                visit(next)
            }
            path.removeLast()
            state[node] = true
        }

        for node in edges.keys.sorted() { visit(node) }
        return found.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") }
    }

    private static func canonical(_ cycle: [String]) -> [String] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }
}

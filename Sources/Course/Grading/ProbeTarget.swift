/// Where an HTTP check may go: loopback, or a host whose address the tutor
/// read from the learner's own resources (a task's public IP). A lesson
/// variable or `--set` can never point a grader at someone else's server.
enum ProbeTarget {
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound]
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { return nil }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        let host = authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return host.isEmpty ? nil : host.lowercased()
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        return CIDRBlock(parsing: "127.0.0.0/8").flatMap { block in CIDRBlock(parsing: host).map { block.contains($0) } } ?? false
    }

    /// Whether the template's host part is one reference to a saved value.
    static func hostComesFromAWS(_ template: Template, scope: VariableScope) -> Bool {
        guard let text = template.json.stringValue, let parsed = try? TemplateString(parsing: text) else { return false }
        // The part after "://" up to the port or path must be a single reference.
        var sawScheme = false
        for part in parsed.parts {
            switch part {
            case .literal(let literal):
                if !sawScheme {
                    guard literal.hasSuffix("://") else { return false }
                    sawScheme = true
                } else {
                    return false
                }
            case .reference(let reference):
                return sawScheme && scope.isSaved(reference)
            }
        }
        return false
    }
}

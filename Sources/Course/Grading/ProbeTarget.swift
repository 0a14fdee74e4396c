/// Where an HTTP check may go: loopback, or a host whose address the tutor
/// read from the learner's own resources (a task's public IP). A lesson
/// variable or `--set` can never point a grader at someone else's server.
enum ProbeTarget {
    static func host(of url: String) -> String? {
        ProbeURL(url)?.host
    }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        return CIDRBlock(parsing: "127.0.0.0/8").flatMap { block in CIDRBlock(parsing: host).map { block.contains($0) } } ?? false
    }

    /// Whether the URL's host is exactly the value of one saved reference:
    /// the template must read `http://${name}` or `https://${name}`, followed
    /// by nothing or by a port, path or query, and the host the resolved URL
    /// goes to must be that value itself.
    static func hostComesFromAWS(_ template: Template, scope: VariableScope) -> Bool {
        guard let text = template.json.stringValue, let parsed = try? TemplateString(parsing: text),
            parsed.parts.count >= 2,
            case .literal(let scheme) = parsed.parts[0], scheme == "http://" || scheme == "https://",
            case .reference(let reference) = parsed.parts[1], scope.isSaved(reference),
            let value = scope.value(of: reference)?.stringValue
        else { return false }
        if parsed.parts.count > 2 {
            guard case .literal(let rest) = parsed.parts[2], let first = rest.first, ":/?#".contains(first) else { return false }
        }
        guard let resolved = try? scope.resolve(template).stringValue else { return false }
        return host(of: resolved) == value.lowercased()
    }
}

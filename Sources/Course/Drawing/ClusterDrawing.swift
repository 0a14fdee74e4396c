/// A `ClusterPicture` as a tree: each cluster, its capacity providers, the
/// Auto Scaling group and instances behind one with their agents, and its
/// running tasks with their subnet and addresses.
public struct ClusterDrawing: Sendable {
    public var language: Language
    public var glyphs: BoxGlyphs
    public var colors: Bool

    public init(language: Language, glyphs: BoxGlyphs = .unicode, colors: Bool = false) {
        self.language = language
        self.glyphs = glyphs
        self.colors = colors
    }

    private struct Node {
        var text: String
        var children: [Node] = []
    }

    public func render(_ picture: ClusterPicture) -> String {
        var lines: [String] = []
        for cluster in picture.clusters {
            guard let status = cluster.status else {
                lines.append("\(DrawingText.cluster[language]) \(cluster.name)  \(DrawingText.clusterMissing[language])")
                continue
            }
            lines.append("\(DrawingText.cluster[language]) \(cluster.name)  \(status)")
            var children: [Node] = []
            for provider in cluster.providers {
                guard let group = provider.autoScalingGroup else {
                    children.append(Node(text: "\(DrawingText.capacity[language]) \(provider.name)"))
                    continue
                }
                let wanted = provider.desired.map { " (\(provider.instances.count)/\($0))" } ?? ""
                let instances = provider.instances.map { instance in
                    let agent: String = switch instance.agentConnected {
                    case true?: "\(DrawingText.agentConnected[language]) \(paint(glyphs.good))"
                    case false?: "\(paint(glyphs.bad)) \(DrawingText.Problem.agentNotConnected.text[language])"
                    case nil: "\(paint(glyphs.bad)) \(DrawingText.Problem.instanceNotRegistered.text[language])"
                    }
                    return Node(text: "\(instance.id)  \(instance.zone)  \(instance.lifecycle)  \(agent)")
                }
                children.append(Node(
                    text: "\(DrawingText.capacityProvider[language]) \(provider.name) \(glyphs.arrow) \(DrawingText.autoScalingGroup[language]) \(group)\(wanted)",
                    children: instances.isEmpty ? [Node(text: DrawingText.noInstances[language])] : instances))
            }
            for task in cluster.tasks {
                var where_: [String] = []
                if let subnet = task.subnet { where_.append("\(DrawingText.subnet[language]) \(task.subnetName.map { "\($0) (\(subnet))" } ?? subnet)") }
                var addresses: [String] = []
                if let ip = task.privateIP { addresses.append("\(DrawingText.privateIP[language]) \(ip)") }
                if let ip = task.publicIP { addresses.append("\(DrawingText.publicIP[language]) \(ip)") }
                let details = [where_.joined(), addresses.joined(separator: "  ")].filter { !$0.isEmpty }.map { Node(text: $0) }
                children.append(Node(text: "\(DrawingText.task[language]) \(task.definition)  \(task.status)  \(task.id)", children: details))
            }
            if cluster.tasks.isEmpty { children.append(Node(text: DrawingText.noTasks[language])) }
            lines += tree(children, indent: "")
        }
        let shown = picture.clusters.contains { !$0.tasks.isEmpty || $0.providers.contains { !$0.instances.isEmpty } }
        if picture.simulated, shown { lines.append(DrawingText.simulated[language]) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func tree(_ nodes: [Node], indent: String) -> [String] {
        var lines: [String] = []
        for (index, node) in nodes.enumerated() {
            let last = index == nodes.count - 1
            lines.append(indent + (last ? glyphs.lastBranch : glyphs.branch) + node.text)
            let padding = String(repeating: " ", count: DisplayWidth.of(glyphs.branch) - 1)
            lines += tree(node.children, indent: indent + (last ? " " : glyphs.vertical) + padding)
        }
        return lines
    }

    private func paint(_ mark: String) -> String {
        guard colors else { return mark }
        return mark == glyphs.good ? "\u{1B}[32m\(mark)\u{1B}[0m" : "\u{1B}[31m\(mark)\u{1B}[0m"
    }
}

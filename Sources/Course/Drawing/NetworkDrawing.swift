/// A `NetworkPicture` as text that fits 80 columns: the VPC and its
/// internet gateway on top, then one box per Availability Zone, side by
/// side, its public subnets over its private ones, each with its CIDR and
/// where its default route goes; what is wrong is marked where it is and
/// said once more below.
public struct NetworkDrawing: Sendable {
    public var language: Language
    public var glyphs: BoxGlyphs
    public var colors: Bool
    public var width = 80

    public init(language: Language, glyphs: BoxGlyphs = .unicode, colors: Bool = false) {
        self.language = language
        self.glyphs = glyphs
        self.colors = colors
    }

    public func render(_ picture: NetworkPicture) -> String {
        var lines: [String] = []
        lines.append("VPC \(picture.vpcName.isEmpty ? picture.vpcID : "\(picture.vpcName) (\(picture.vpcID))")  \(picture.cidr)")
        if let gateway = picture.internetGateway {
            lines.append("\(glyphs.lastBranch)\(DrawingText.internetGateway[language]) \(gateway) \(DrawingText.attached[language]) \(good)")
        } else {
            lines.append("\(glyphs.lastBranch)\(bad) \(DrawingText.Problem.noInternetGateway.text[language])")
        }
        var columns = picture.zones.map(column)
        let missingZone = picture.problems.contains { if case .secondZoneMissing = $0 { true } else { false } }
        if missingZone, picture.zones.count < 2 { columns.append(placeholder(picture)) }
        let count = max(1, columns.count)
        let inner = (width - (count - 1)) / count - 2
        let boxes = columns.map { box($0, inner: inner) }
        let height = boxes.map(\.count).max() ?? 0
        for row in 0..<height {
            lines.append(boxes.map { $0.indices.contains(row) ? $0[row] : String(repeating: " ", count: inner + 2) }.joined(separator: " ").trimmingTrailingSpaces)
        }
        var said: [String] = []
        for problem in picture.problems { said.append("\(bad) \(problem.text[language])") }
        for zone in picture.zones {
            for subnet in zone.subnets {
                for problem in subnet.problems { said.append("\(bad) \(subnet.name.isEmpty ? subnet.id : subnet.name): \(problem.text[language])") }
            }
        }
        let wrapped = said.flatMap { DisplayWidth.wrapped($0, width, indent: DisplayWidth.of(bad) + 1) }
        return (lines + wrapped.map(paint)).joined(separator: "\n") + "\n"
    }

    /// A column's title and sections (one per subnet), before they are boxed.
    private struct Column {
        var title: String
        var sections: [[String]]
    }

    private func column(_ zone: NetworkPicture.Zone) -> Column {
        Column(title: zone.name, sections: zone.subnets.map { subnet in
            let role = switch subnet.role {
            case .publicSubnet: DrawingText.publicSubnet[language]
            case .privateSubnet: DrawingText.privateSubnet[language]
            case .other: DrawingText.otherSubnet[language]
            }
            var lines = ["\(role) \(subnet.name)".trimmingTrailingSpaces, subnet.cidr, subnet.id]
            // The mark first: a cut line never loses it.
            let mark = subnet.role == .other ? " " : subnet.problems.isEmpty ? good : bad
            switch subnet.route {
            case .internetGateway: lines.append("\(mark) 0.0.0.0/0 \(glyphs.arrow) \(DrawingText.internetGateway[language])")
            case .natGateway(let id): lines += ["\(mark) 0.0.0.0/0 \(glyphs.arrow) \(DrawingText.natGateway[language])", "    \(id)"]
            case .nowhere: lines.append("\(mark) 0.0.0.0/0 \(glyphs.arrow) \(DrawingText.nowhere[language])")
            case .elsewhere(let id): lines += ["\(mark) 0.0.0.0/0 \(glyphs.arrow)", "    \(id)"]
            }
            for nat in subnet.natGateways { lines += ["[\(DrawingText.natGatewayHere[language])]", "    \(nat)"] }
            return lines
        })
    }

    private func placeholder(_ picture: NetworkPicture) -> Column {
        let missing = picture.problems.compactMap { problem -> String? in
            if case .secondZoneMissing = problem { return "\(bad) \(problem.text[language])" }
            return nil
        }
        return Column(title: DrawingText.missingZone[language], sections: [missing])
    }

    private func box(_ column: Column, inner: Int) -> [String] {
        let ascii = glyphs.good == BoxGlyphs.ascii.good
        let title = DisplayWidth.fitted(column.title, max(1, inner - 3), ascii: ascii)
        var rows = [glyphs.topLeft + glyphs.horizontal + " " + title + " " + String(repeating: glyphs.horizontal, count: max(0, inner - 3 - DisplayWidth.of(title))) + glyphs.topRight]
        for (index, section) in column.sections.enumerated() {
            if index > 0 { rows.append(glyphs.teeLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.teeRight) }
            for line in section {
                let fitted = DisplayWidth.fitted(line, inner - 2, ascii: ascii)
                rows.append(glyphs.vertical + " " + DisplayWidth.padded(paint(fitted), inner - 2 + (DisplayWidth.of(paint(fitted)) - DisplayWidth.of(fitted))) + " " + glyphs.vertical)
            }
        }
        rows.append(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: inner) + glyphs.bottomRight)
        return rows
    }

    private var good: String { glyphs.good }
    private var bad: String { glyphs.bad }

    /// Marks in colour, when colours are on; the padding counts only what shows.
    private func paint(_ line: String) -> String {
        guard colors else { return line }
        return line.replacingOccurrences(of: good, with: "\u{1B}[32m\(good)\u{1B}[0m").replacingOccurrences(of: bad, with: "\u{1B}[31m\(bad)\u{1B}[0m")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

import JSON

/// Turns a check file's YAML into `Check`s, collecting every problem.
struct CheckDecoder {
    var diagnostics: [Diagnostic] = []
    private var shared = LessonDecoder()

    /// A check file is `{lesson: id, checks: [...]}`.
    mutating func decode(_ root: SourceNode) -> (lesson: String, checks: [Check])? {
        var reader = MappingReader(root, what: "the check file", diagnostics: &diagnostics)
        let lesson = reader.string("lesson")
        var checks: [Check] = []
        if let node = reader.required("checks") {
            if let items = node.sequence {
                checks = items.compactMap { decodeCheck($0, lesson: lesson ?? "") }
            } else {
                diagnostics.append(Diagnostic(at: node.location, "'checks' should be a list of checks"))
            }
        }
        reader.finish(into: &diagnostics)
        flushShared()
        guard let lesson else { return nil }
        return (lesson, checks)
    }

    private mutating func flushShared() {
        diagnostics += shared.diagnostics
        shared.diagnostics = []
    }

    private mutating func decodeCheck(_ node: SourceNode, lesson: String) -> Check? {
        let name = node["id"]?.scalar.map { "check '\($0)'" } ?? "a check"
        var reader = MappingReader(node, what: name, diagnostics: &diagnostics)
        let id = reader.string("id")
        let title = reader.text("title")
        let points = reader.integer("points", required: false) ?? 1
        if points < 0, let pointsNode = node["points"] {
            diagnostics.append(Diagnostic(at: pointsNode.location, "'points' of \(name) should be 0 or more"))
        }
        let dependsOn = reader.strings("depends")
        var hints: [LocalizedText] = []
        if let hintsNode = reader.required("hints") {
            if let items = hintsNode.sequence {
                hints = items.compactMap { MappingReader.localized($0, field: "hints", of: name, diagnostics: &diagnostics) }
                if items.isEmpty {
                    diagnostics.append(Diagnostic(at: hintsNode.location, "\(name) needs at least one hint a beginner can act on"))
                }
            } else if let single = MappingReader.localized(hintsNode, field: "hints", of: name, diagnostics: &diagnostics) {
                hints = [single]
            }
        }
        let docs = reader.string("docs")
        if let docs, !docs.hasPrefix("https://"), let docsNode = node["docs"] {
            diagnostics.append(Diagnostic(at: docsNode.location, "'docs' of \(name) should be an https:// link to the AWS documentation"))
        }
        let failure = reader.text("failure")
        var eventually: Int?
        if let eventuallyNode = reader.raw("eventually") {
            eventually = CheckDecoder.seconds(eventuallyNode.scalar ?? "")
            if eventually == nil {
                diagnostics.append(
                    Diagnostic(at: eventuallyNode.location, "'eventually' should be a duration such as 90s or 5m"))
            }
        }
        let needs = reader.strings("needs")
        let source = decodeSource(&reader, check: name)
        var assertions: [Assertion] = []
        if let assertNode = reader.required("assert") {
            if let items = assertNode.sequence, !items.isEmpty {
                assertions = items.compactMap { decodeAssertion($0, check: name) }
            } else {
                diagnostics.append(Diagnostic(at: assertNode.location, "'assert' of \(name) should be a non-empty list"))
            }
        }
        reader.finish(into: &diagnostics)
        flushShared()
        guard let id, let source else { return nil }
        var check = Check(
            id: id, lesson: lesson, title: title ?? .missing, points: points, dependsOn: dependsOn, source: source,
            assertions: assertions, hints: hints, docs: docs ?? "", failure: failure ?? .missing, eventuallySeconds: eventually,
            location: node.location)
        check.needs = needs
        return check
    }

    private mutating func decodeSource(_ reader: inout MappingReader, check: String) -> CheckSource? {
        let present = ["read", "http", "file"].filter { reader.has($0) }
        guard present.count == 1, let kind = present.first, let node = reader.raw(kind) else {
            diagnostics.append(
                Diagnostic(
                    at: reader.location, "\(check) needs exactly one of 'read', 'http' or 'file'",
                    suggestion: present.isEmpty ? "add 'read:' with the calls whose responses the assertions look at" : "split it into two checks"))
            for extra in present { _ = reader.raw(extra) }
            return nil
        }
        switch kind {
        case "read":
            guard let pairs = node.mapping, !pairs.isEmpty else {
                diagnostics.append(Diagnostic(at: node.location, "'read' of \(check) should name each call: 'vpcs: {call: ec2:DescribeVpcs, ...}'"))
                return nil
            }
            var calls: [ReadCall] = []
            for (key, value) in pairs {
                guard let name = key.scalar else { continue }
                var callReader = MappingReader(value, what: "read '\(name)' of \(check)", diagnostics: &diagnostics)
                let call = shared.decodeRead(&callReader, name: name, at: value.location)
                callReader.finish(into: &diagnostics)
                if let call { calls.append(call) }
            }
            return .reads(calls)
        case "http":
            var probeReader = MappingReader(node, what: "the HTTP probe of \(check)", diagnostics: &diagnostics)
            let url = shared.decodeTemplate(probeReader.required("url"))
            let timeout = probeReader.integer("timeout", required: false) ?? 5
            if !(1...60).contains(timeout), let timeoutNode = node["timeout"] {
                diagnostics.append(Diagnostic(at: timeoutNode.location, "'timeout' of \(check) should be from 1 to 60 seconds"))
            }
            probeReader.finish(into: &diagnostics)
            return url.map { .http(HTTPProbe(url: $0, timeoutSeconds: timeout, location: node.location)) }
        default:
            var probeReader = MappingReader(node, what: "the file probe of \(check)", diagnostics: &diagnostics)
            let path = shared.decodeTemplate(probeReader.required("path"))
            probeReader.finish(into: &diagnostics)
            return path.map { .file(FileProbe(path: $0, location: node.location)) }
        }
    }

    /// `{that: EXPR, OPERATOR: OPERAND, label: {zh, en}}`.
    private mutating func decodeAssertion(_ node: SourceNode, check: String) -> Assertion? {
        var reader = MappingReader(node, what: "an assertion of \(check)", diagnostics: &diagnostics)
        let expression = reader.string("that")
        let label = reader.text("label", required: false)
        let operators = Comparison.names.filter { reader.has($0) }
        var comparison: Comparison?
        if operators.count != 1 {
            diagnostics.append(
                Diagnostic(
                    at: node.location,
                    operators.isEmpty
                        ? "an assertion of \(check) has no operator" : "an assertion of \(check) has more than one operator (\(operators.joined(separator: ", ")))",
                    suggestion: "use one of: \(Comparison.names.joined(separator: ", "))"))
            for name in operators { _ = reader.raw(name) }
        } else if let name = operators.first, let operand = reader.raw(name) {
            comparison = decodeComparison(name, operand, check: check)
        }
        reader.finish(into: &diagnostics)
        guard let expression, let comparison else { return nil }
        return Assertion(expression: expression, comparison: comparison, label: label, location: node.location)
    }

    private mutating func decodeComparison(_ name: String, _ operand: SourceNode, check: String) -> Comparison? {
        func template() -> Template? { shared.decodeTemplate(operand) }
        switch name {
        case "equals": return template().map(Comparison.equals)
        case "not-equals": return template().map(Comparison.notEquals)
        case "contains": return template().map(Comparison.contains)
        case "in": return template().map(Comparison.isIn)
        case "at-least": return template().map(Comparison.atLeast)
        case "at-most": return template().map(Comparison.atMost)
        case "length": return template().map(Comparison.length)
        case "distinct-count": return template().map(Comparison.distinctCount)
        case "cidr-contains": return template().map(Comparison.cidrContains)
        case "matches":
            guard let pattern = operand.scalar else {
                diagnostics.append(Diagnostic(at: operand.location, "'matches' takes a regular expression"))
                return nil
            }
            return .matches(pattern)
        case "every", "any":
            guard let nested = decodeAssertion(operand, check: check) else { return nil }
            return name == "every" ? .every(nested) : .any(nested)
        case "exists", "absent":
            guard operand.scalar == "true" else {
                diagnostics.append(Diagnostic(at: operand.location, "write '\(name): true'"))
                return nil
            }
            return name == "exists" ? .exists : .absent
        default:
            return nil
        }
    }

    /// `90s`, `5m`, `1h` or a bare number of seconds.
    static func seconds(_ text: String) -> Int? {
        guard let last = text.last else { return nil }
        let multipliers: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        if let multiplier = multipliers[last], let number = Int(text.dropLast()), number > 0 {
            return number * multiplier
        }
        return Int(text).flatMap { $0 > 0 ? $0 : nil }
    }
}

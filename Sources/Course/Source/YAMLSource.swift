internal import Yams

/// Reads YAML text into `SourceNode`s, turning a syntax error into a
/// `Diagnostic` at the place libyaml reports.
public enum YAMLSource {
    /// Aliases let a few lines stand for a tree of billions of nodes (the
    /// "billion laughs"); a course file has a few thousand.
    public static let maximumNodes = 100_000

    public static func parse(_ text: String, file: String) -> Result<SourceNode, Diagnostic> {
        do {
            // Only each scalar's text and quoting are kept, never its YAML
            // type, so the basic resolver serves: the default one matches
            // every scalar against a dozen regular expressions, the largest
            // part of loading the course.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                return .failure(Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
            }
            var budget = maximumNodes
            guard let converted = convert(root, file: file, budget: &budget) else {
                return .failure(
                    Diagnostic(
                        at: SourceLocation(file: file, line: root.mark?.line ?? 0, column: root.mark?.column ?? 0),
                        "the file holds more than \(maximumNodes) values once its aliases (*name) are expanded",
                        suggestion: "write the values out instead of repeating aliases of aliases"))
            }
            return .success(converted)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file))
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: file), "the file is not valid YAML"))
        }
    }

    /// Nil once `budget` nodes have been made.
    private static func convert(_ node: Node, file: String, budget: inout Int) -> SourceNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        switch node {
        case .scalar(let scalar):
            return SourceNode(.scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any), at: location)
        case .mapping(let mapping):
            var pairs: [(key: SourceNode, value: SourceNode)] = []
            for pair in mapping {
                guard let key = convert(pair.key, file: file, budget: &budget),
                    let value = convert(pair.value, file: file, budget: &budget)
                else { return nil }
                pairs.append((key, value))
            }
            return SourceNode(.mapping(pairs), at: location)
        case .sequence(let sequence):
            var items: [SourceNode] = []
            for item in sequence {
                guard let converted = convert(item, file: file, budget: &budget) else { return nil }
                items.append(converted)
            }
            return SourceNode(.sequence(items), at: location)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one reads as empty.
            return SourceNode(.scalar("", quoted: false), at: location)
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(
                at: SourceLocation(file: file, line: mark.line, column: mark.column),
                "not valid YAML: \(problem)",
                suggestion: "check the indentation and quoting on this line")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams refuses a mapping that repeats a key, pointing at the key's first use.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                "\(keys) \(duplicates.count == 1 ? "is" : "are") given more than once in this mapping",
                suggestion: "keep one of each")
        case .reader(let problem, _, _, _):
            return Diagnostic(at: SourceLocation(file: file), "cannot read the file: \(problem)", suggestion: "save it as UTF-8")
        default:
            return Diagnostic(at: SourceLocation(file: file), "not valid YAML")
        }
    }
}

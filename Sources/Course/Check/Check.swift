/// One automated check: what it reads, what must hold, and what to tell a
/// learner when it does not.
public struct Check: Sendable {
    public var id: String
    public var lesson: String
    public var title: LocalizedText
    public var points: Int
    /// Checks that must pass first; when one fails, this one is skipped.
    public var dependsOn: [String]
    public var source: CheckSource
    public var assertions: [Assertion]
    /// Hints in tiers, each more direct than the one before.
    public var hints: [LocalizedText]
    /// The AWS documentation page that explains the fix.
    public var docs: String
    /// What failed, with `{expected}` and `{actual}` filled in.
    public var failure: LocalizedText
    /// How long AWS may take to settle before the check counts as failed.
    public var eventuallySeconds: Int?
    /// Tools the check needs on the learner's machine (`docker`, `node`);
    /// without them it is not applicable, neither passed nor failed.
    public var needs: [String] = []
    public var location: SourceLocation

    public init(
        id: String, lesson: String, title: LocalizedText, points: Int, dependsOn: [String] = [],
        source: CheckSource, assertions: [Assertion], hints: [LocalizedText], docs: String,
        failure: LocalizedText, eventuallySeconds: Int? = nil, location: SourceLocation
    ) {
        self.id = id
        self.lesson = lesson
        self.title = title
        self.points = points
        self.dependsOn = dependsOn
        self.source = source
        self.assertions = assertions
        self.hints = hints
        self.docs = docs
        self.failure = failure
        self.eventuallySeconds = eventuallySeconds
        self.location = location
    }
}

extension Check {
    /// The check with `${...}` in its title, hints and failure filled in.
    public func filled(by scope: VariableScope) -> Check {
        var check = self
        check.title = scope.fill(title)
        check.hints = hints.map { scope.fill($0) }
        check.failure = scope.fill(failure)
        check.assertions = assertions.map { $0.filled(by: scope) }
        return check
    }
}

extension Check {
    /// Every value the check names: `${...}` in its reads, probes and
    /// operands, and `$name` in its expressions.
    public var references: [VariableReference] {
        var found: [VariableReference] = []
        switch source {
        case .reads(let calls): found += calls.flatMap(\.parameters.references)
        case .http(let probe): found += probe.url.references
        case .file(let probe): found += probe.path.references
        case .quiz: break
        }
        for assertion in assertions { found += assertion.references }
        var seen: Set<VariableReference> = []
        return found.filter { seen.insert($0).inserted }
    }
}

extension Assertion {
    func filled(by scope: VariableScope) -> Assertion {
        var assertion = self
        assertion.label = label.map { scope.fill($0) }
        switch comparison {
        case .every(let nested): assertion.comparison = .every(nested.filled(by: scope))
        case .any(let nested): assertion.comparison = .any(nested.filled(by: scope))
        default: break
        }
        return assertion
    }

    /// Its label and those of the assertions inside it.
    var labels: [LocalizedText] {
        (label.map { [$0] } ?? []) + (comparison.nested?.labels ?? [])
    }

    var references: [VariableReference] {
        Assertion.expressionVariables(expression) + (comparison.operand?.references ?? []) + (comparison.nested?.references ?? [])
    }

    /// `$name` in a JMESPath expression; names a `let` binds are among them,
    /// and stand for nothing outside it.
    static func expressionVariables(_ expression: String) -> [VariableReference] {
        // A scan by hand: checks are judged again and again while their reads
        // arrive, and a regex is compiled anew at every call. Every byte that
        // matters here is ASCII, which UTF-8 never uses inside another character.
        let bytes = Array(expression.utf8)
        var references: [VariableReference] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // A `$` inside a raw string, a literal or a quoted name is text;
            // a quote that never closes is an ordinary character.
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "\""),
                let end = closingQuote(byte, in: bytes, after: index)
            {
                index = end + 1
            } else if byte == UInt8(ascii: "$"), index + 1 < bytes.count, isNameStart(bytes[index + 1]) {
                var end = index + 2
                while end < bytes.count, isNameStart(bytes[end]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                    end += 1
                }
                references.append(VariableReference(name: String(decoding: bytes[(index + 1)..<end], as: UTF8.self)))
                index = end
            } else {
                index += 1
            }
        }
        return references
    }

    private static func closingQuote(_ quote: UInt8, in bytes: [UInt8], after start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == quote {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_")
    }
}

/// Where a check gets the document its assertions look at.
public enum CheckSource: Sendable {
    /// Read calls, each response stored under its name in one document.
    case reads([ReadCall])
    /// An HTTP GET; the document is `{status, body, json}`.
    case http(HTTPProbe)
    /// A local file; the document is `{exists, text, lines}`.
    case file(FileProbe)
    /// A quiz step's answer; the document is `{answered, answer, correct}`.
    case quiz(lesson: String, step: String)
}

/// One read-only call of a check. Its response goes into the document under
/// `name`; identical calls within one run are made once.
public struct ReadCall: Sendable {
    public var name: String
    public var operation: OperationName
    public var parameters: Template
    /// Follow the model's paginator and merge every page.
    public var paginate: Bool
    public var location: SourceLocation

    public init(name: String, operation: OperationName, parameters: Template, paginate: Bool = true, location: SourceLocation) {
        self.name = name
        self.operation = operation
        self.parameters = parameters
        self.paginate = paginate
        self.location = location
    }
}

/// An HTTP GET of a learner's running app. Only loopback and addresses read
/// from the learner's own resources may be reached.
public struct HTTPProbe: Sendable {
    public var url: Template
    public var timeoutSeconds: Int
    public var location: SourceLocation

    public init(url: Template, timeoutSeconds: Int = 5, location: SourceLocation) {
        self.url = url
        self.timeoutSeconds = timeoutSeconds
        self.location = location
    }
}

/// A file in the learner's project, such as their Dockerfile.
public struct FileProbe: Sendable {
    public var path: Template
    public var location: SourceLocation

    public init(path: Template, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

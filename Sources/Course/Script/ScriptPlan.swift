import JSON

/// A lesson as a script a learner keeps and runs with the real `aws` CLI,
/// before it is written in one shell's words: what to set, what to look up,
/// and each step's calls, waits and captures. Values travel as shell
/// variables; inside a call's input a variable stands as
/// `ScriptPlan.placeholder(name)`, which the writer turns into its shell's
/// reference.
public struct ScriptPlan: Sendable {
    /// A value the learner may change at the top of the script.
    public struct Setting: Sendable, Equatable {
        public var name: String
        public var value: String
        public var about: String?
    }

    /// A value an earlier lesson saved: from that lesson's ids file when its
    /// script ran here, or else looked up in the account.
    public struct Import: Sendable {
        public var name: String
        public var lesson: String
        public var savedAs: String
        public var lookup: Command?
        public var looksFor: String
    }

    /// One API call: the operation and its input, with placeholders.
    public struct Command: Sendable {
        public var operation: OperationName
        public var input: JSON
        /// A JMESPath `--query` over the answer; nil prints nothing.
        public var query: String?
    }

    public enum Item: Sendable {
        /// A call; its answer's `captures` (name, JMESPath) become variables,
        /// kept in the lesson's ids file.
        case call(Command, captures: [(name: String, expression: String)])
        /// `aws SERVICE wait WAITER` with the waiter operation's input.
        case wait(service: String, waiter: String, input: JSON)
        /// Polls `command` until its query prints `True`, for a state the CLI has no waiter for.
        case poll(Command, what: String, seconds: Int)
        /// A variable set to the base64 of a text with placeholders (user data).
        case base64(name: String, text: String)
        /// A delete that takes "it is not there" for done.
        case delete(Command)
        /// A delete's waiter, run only when its values are known.
        case deleteWait(service: String, waiter: String, input: JSON)
        /// Files laid out from the course's folder.
        case copy(from: String, to: String)
        /// A program started in the background, after `prepare`.
        case start(command: [String], prepare: [String], directory: String, environment: [(String, String)])
        /// Said, not run.
        case note(String)
        /// A value looked up where it is first used: what a step before made.
        case lookup(Import)
        /// Notes in the ids file that the lesson itself deleted these steps' resources.
        case tornDown([String])
    }

    /// A step: its title, its explanation as comments, and what it runs.
    public struct Block: Sendable {
        public var step: String
        public var title: String
        public var comment: [String]
        public var costly: String?
        /// In a teardown script: the step whose deletes are passed over when
        /// the lesson's own teardown step already made them (its ids file says so).
        public var unlessTornDown: String?
        /// What the step needs that an account or machine may lack (the ECS
        /// agent, Docker): it may fail without stopping the script.
        public var needs: [String] = []
        public var items: [Item]
    }

    public var lesson: String
    public var title: String
    public var undo: Bool
    public var header: [String]
    public var settings: [Setting]
    /// Built-ins known only when the script runs (`account`, `region`).
    public var runtime: [String]
    public var imports: [Import]
    public var blocks: [Block]

    /// How a variable stands inside an input: letters, digits and `_@`
    /// only, so the CLI quoting leaves it whole and the writer finds it.
    public static func placeholder(_ name: String) -> String { "@@\(name)@@" }

    /// The placeholders of a text, in order, once each.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let start = rest.range(of: "@@"), let end = rest[start.upperBound...].range(of: "@@") {
            let name = String(rest[start.upperBound..<end.lowerBound])
            if !names.contains(name) { names.append(name) }
            rest = rest[end.upperBound...]
        }
        return names
    }

    /// The ids file a lesson's script keeps its captured values in.
    public static func idsFile(_ lesson: String) -> String { "ecslab-\(lesson).ids" }
}

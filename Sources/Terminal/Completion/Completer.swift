/// Tab completion for a command line, independent of libedit so
/// it can be tested on plain strings.
public struct Completer: Sendable {
    /// The outcome of one press of Tab.
    public struct Completion: Sendable, Equatable {
        /// What to insert at the cursor (may be empty).
        public var insertion: String
        /// The candidates to list when the word is still ambiguous.
        public var candidates: [String]

        public init(insertion: String, candidates: [String]) {
            self.insertion = insertion
            self.candidates = candidates
        }
    }

    public var source: CompletionSource

    public init(source: CompletionSource) {
        self.source = source
    }

    /// Completes the last word of `line` (the text before the cursor).
    public func complete(_ line: Substring) -> Completion {
        let endsWithSpace = line.last == " "
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let partial = endsWithSpace ? "" : (words.popLast() ?? "")
        let candidates = self.candidates(after: words).filter { $0.hasPrefix(partial) }.sorted()
        guard let first = candidates.first else { return Completion(insertion: "", candidates: []) }
        if candidates.count == 1 {
            return Completion(insertion: String(first.dropFirst(partial.count)) + " ", candidates: [])
        }
        let common = candidates.dropFirst().reduce(first) { $0.sharedPrefix(with: $1) }
        let insertion = String(common.dropFirst(partial.count))
        return Completion(insertion: insertion, candidates: insertion.isEmpty ? candidates : [])
    }

    /// The words that may follow `words`.
    func candidates(after words: [String]) -> [String] {
        words.isEmpty ? source.commands : source.arguments(words)
    }
}

extension String {
    fileprivate func sharedPrefix(with other: String) -> String {
        String(zip(self, other).prefix { $0 == $1 }.map(\.0))
    }
}

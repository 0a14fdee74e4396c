/// What tab completion can offer: the command words, and for the words
/// typed so far, what may follow them.
public struct CompletionSource: Sendable {
    public var commands: [String]
    /// The words that may follow `words` (never empty); computed when Tab is
    /// pressed, since some (a service's operations) are slow to list.
    public var arguments: @Sendable (_ words: [String]) -> [String]

    public init(commands: [String] = [], arguments: @escaping @Sendable (_ words: [String]) -> [String] = { _ in [] }) {
        self.commands = commands
        self.arguments = arguments
    }
}

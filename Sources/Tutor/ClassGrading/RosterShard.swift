/// `--shard i/n`: one of n deterministic slices of a roster, so that a CI
/// matrix splits a class across runners. Rows are dealt out in turn (row k
/// goes to shard k mod n + 1): shards are as even as can be, and the same
/// roster always gives the same slices.
public struct RosterShard: Sendable, Equatable, CustomStringConvertible {
    /// From 1.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public static func parse(_ text: String) throws(CommandFailure) -> RosterShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            throw CommandFailure.usage("--shard takes i/n with 1 ≤ i ≤ n, such as 2/3, not \(text)")
        }
        return RosterShard(index: index, count: count)
    }

    public func contains(_ entry: RosterEntry) -> Bool {
        entry.index % count == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

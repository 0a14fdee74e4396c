/// What a cleanup will delete, in order, before anything is deleted: where,
/// what, why each is ours and what it costs; and, apart, what the learner
/// built by hand, which is deleted only when they say yes to it.
public struct CleanupPlan: Sendable {
    public var account: String
    public var region: String
    /// Ours, in deletion order.
    public var owned: [OwnedResource]
    /// Found by the lessons' names, with none of our tags: only offered.
    public var handBuilt: [OwnedResource]

    public init(account: String, region: String, owned: [OwnedResource], handBuilt: [OwnedResource]) {
        self.account = account
        self.region = region
        self.owned = owned.sorted(by: CleanupPlan.deletionOrder)
        self.handBuilt = handBuilt.sorted(by: CleanupPlan.deletionOrder)
    }

    public var isEmpty: Bool { owned.isEmpty && handBuilt.isEmpty }

    /// What the plan's own resources cost by the hour while they run.
    public var usdPerHour: Double { owned.reduce(0) { $0 + $1.usdPerHour } }

    /// By kind, then, within a kind, newest lesson's things first is not
    /// needed: names keep the list stable to read.
    static func deletionOrder(_ a: OwnedResource, _ b: OwnedResource) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        return (a.name ?? a.id, a.id) < (b.name ?? b.id, b.id)
    }
}

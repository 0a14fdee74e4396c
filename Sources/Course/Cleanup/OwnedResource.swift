import Foundation
import JSON

/// One resource cleanup may delete, and why it may: a resource is ours only
/// when it carries our tags or the ledger lists it. One the learner made by
/// hand under the lesson's names is neither, and is only ever offered.
public struct OwnedResource: Sendable, Equatable {
    public enum Ownership: Sendable, Equatable {
        case ledger
        case tags
        case ledgerAndTags
        /// Found by a lesson's lookup (its names), carrying none of our tags.
        case handBuilt(lookup: String)

        public var isOurs: Bool {
            if case .handBuilt = self { return false }
            return true
        }

        func adding(_ other: Ownership) -> Ownership {
            switch (self, other) {
            case (.ledger, .tags), (.tags, .ledger), (.ledgerAndTags, _), (_, .ledgerAndTags): return .ledgerAndTags
            default: return self
            }
        }
    }

    public var kind: ResourceKind
    /// What the delete calls name it by: `vpc-0a1b`, a role's name, a task's ARN.
    public var id: String
    /// Its `Name` tag or name, when it has one apart from its id.
    public var name: String?
    public var ownership: Ownership
    /// The lesson that made it, from the ledger or the `ecslab:lesson` tag.
    public var lesson: String?
    /// What else the calls need: the cluster of a task, the group of a schedule.
    public var context: [String: String]
    /// The ledger entries this resource settles once it is gone.
    public var entries: [String]
    public var usdPerHour: Double
    public var expiresAt: Date?
    /// A ledger entry's own undo call, for kinds cleanup has no recipe for.
    public var recordedUndo: RecordedUndo?

    public init(
        kind: ResourceKind, id: String, name: String? = nil, ownership: Ownership, lesson: String? = nil, context: [String: String] = [:],
        entries: [String] = [], usdPerHour: Double = 0, expiresAt: Date? = nil, recordedUndo: RecordedUndo? = nil
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.ownership = ownership
        self.lesson = lesson
        self.context = context
        self.entries = entries
        self.usdPerHour = usdPerHour
        self.expiresAt = expiresAt
        self.recordedUndo = recordedUndo
    }

    /// Two sightings of one resource: by kind and id.
    public var key: String { "\(kind.rawValue) \(id)" }

    /// How a person tells it apart: its name and id, or the id alone.
    public var shownName: String {
        guard let name, !name.isEmpty, name != id, !kind.isNamedByItsID else { return id }
        return "\(name) (\(id))"
    }

    /// The same resource seen a second way: the ledger's entries and cost
    /// join what the tags said.
    func merged(with other: OwnedResource) -> OwnedResource {
        var merged = self
        merged.ownership = ownership.adding(other.ownership)
        merged.name = name ?? other.name
        merged.lesson = lesson ?? other.lesson
        merged.context = context.merging(other.context) { mine, _ in mine }
        merged.entries = entries + other.entries.filter { !entries.contains($0) }
        merged.usdPerHour = max(usdPerHour, other.usdPerHour)
        merged.expiresAt = expiresAt ?? other.expiresAt
        merged.recordedUndo = recordedUndo ?? other.recordedUndo
        return merged
    }
}

/// An undo call as the ledger recorded it, for a resource of no known kind.
public struct RecordedUndo: Sendable, Equatable {
    public var operation: OperationName
    public var parameters: JSON

    public init(operation: OperationName, parameters: JSON) {
        self.operation = operation
        self.parameters = parameters
    }
}

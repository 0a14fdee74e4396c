import Foundation
import JSON

/// What the ledger says the tutor made and has not deleted, as resources.
/// Entries whose answer was lost in a crash are settled first, so a
/// resource made just before a kill is known by its id.
public struct LedgerInventory: Sendable {
    public var ledger: Ledger
    public var reconciler: LedgerReconciler?

    public init(ledger: Ledger, reconciler: LedgerReconciler?) {
        self.ledger = ledger
        self.reconciler = reconciler
    }

    public func resources(lesson: String?) async throws -> [OwnedResource] {
        var found: [OwnedResource] = []
        for entry in try ledger.live(lesson: lesson) {
            let settled = try await reconciler?.reconcile(entry) ?? entry
            guard settled.state == .created || settled.state == .pending else { continue }
            found += Self.resources(of: settled)
        }
        return found
    }

    /// The resources one entry stands for: what its undo call names, or,
    /// for an entry found only by its tag, what its ARNs name.
    static func resources(of entry: LedgerEntry) -> [OwnedResource] {
        let name = entry.tags["Name"]?.stringValue
        let expires = entry.tags[CourseTags.expiresKey]?.stringValue.flatMap(CourseTags.parseDate)
        func resource(_ identity: ResourceIdentity, undo: RecordedUndo? = nil) -> OwnedResource {
            OwnedResource(
                kind: identity.kind, id: identity.id, name: name, ownership: .ledger, lesson: entry.lesson, context: identity.context,
                entries: [entry.id], usdPerHour: entry.usdPerHour, expiresAt: expires, recordedUndo: undo)
        }
        if let (pid, match) = entry.localProcess {
            return [resource(ResourceIdentity(kind: .localProgram, id: String(pid), context: ["match": match]))]
        }
        if let undo = entry.undo, let call = undo["call"]?.stringValue, let operation = OperationName(parsing: call) {
            let parameters = undo["params"] ?? .object(JSONObject())
            if let identity = ResourceIdentity(undo: operation, parameters: parameters) {
                // Taking a part off (a policy off a role) is not the resource's cost.
                var found = resource(identity)
                if !Self.deletes(operation) { found.usdPerHour = 0; found.name = nil }
                return [found]
            }
            return [resource(ResourceIdentity(kind: .recordedUndo, id: entry.id), undo: RecordedUndo(operation: operation, parameters: parameters))]
        }
        return (entry.fields["arns"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(ResourceIdentity.init(arn:)) }.map { resource($0) }
    }

    /// Whether an undo call deletes the resource itself, rather than a part of it.
    static func deletes(_ operation: OperationName) -> Bool {
        ["Delete", "Release", "Stop", "Deregister", "Terminate"].contains { operation.operation.hasPrefix($0) }
    }
}

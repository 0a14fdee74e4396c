import Foundation

/// Carries out a cleanup plan: kind by kind in the plan's order, retrying
/// what AWS is not ready to delete yet (a dependency still there, an address
/// still in use) with backoff until a deadline. "Not found" is done. It ends
/// by reading back every resource it meant to delete and searching the tags
/// again, so that what it reports as left is what AWS says is left.
public struct CleanupRun: Sendable {
    public enum Event: Sendable {
        case calling(OwnedResource, cli: String)
        case deleted(OwnedResource)
        case alreadyGone(OwnedResource)
        case retrying(OwnedResource, code: String, afterSeconds: Double)
        case waiting(WaitProgress)
        case failed(OwnedResource, String)
    }

    public struct Report: Sendable {
        public var deleted: [OwnedResource] = []
        public var alreadyGone: [OwnedResource] = []
        /// What is still there, and why.
        public var left: [(resource: OwnedResource, reason: String)] = []

        public var isClean: Bool { left.isEmpty }
        public var usdPerHourSaved: Double { deleted.reduce(0) { $0 + $1.usdPerHour } }
    }

    public var api: any AccountAPI
    public var ledger: Ledger?
    /// How long retries may go on, in seconds, from the first delete.
    public var deadlineSeconds: Double = 900
    public var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
    public var now: @Sendable () -> Date = { Date() }

    public init(api: any AccountAPI, ledger: Ledger?) {
        self.api = api
        self.ledger = ledger
    }

    /// Deletes `resources` (the plan's own, and the hand-built ones the
    /// learner said yes to), in the plan's order.
    public func run(_ plan: CleanupPlan, resources: [OwnedResource], observe: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> Report {
        var report = Report()
        let deleter = ResourceDeleter(
            api: api, plan: plan, calling: { resource, cli in observe(.calling(resource, cli: cli)) },
            waiting: { observe(.waiting($0)) }, sleep: sleep, waitSeconds: deadlineSeconds)
        let deadline = now().addingTimeInterval(deadlineSeconds)
        var pending = resources.sorted(by: CleanupPlan.deletionOrder)
        var round = 0
        var lastCodes: [String: String] = [:]
        while !pending.isEmpty {
            var retry: [OwnedResource] = []
            for resource in pending {
                switch await deleter.delete(resource) {
                case .deleted:
                    settle(resource, note: nil)
                    report.deleted.append(resource)
                    observe(.deleted(resource))
                case .alreadyGone:
                    settle(resource, note: "already gone")
                    report.alreadyGone.append(resource)
                    observe(.alreadyGone(resource))
                case .inUse(let code):
                    lastCodes[resource.key] = code
                    retry.append(resource)
                case .failed(let reason):
                    report.left.append((resource, reason))
                    observe(.failed(resource, reason))
                }
            }
            guard !retry.isEmpty else { break }
            round += 1
            let delay = min(30, pow(2, Double(round - 1)))
            if now().addingTimeInterval(delay) > deadline {
                for resource in retry {
                    let reason = "still in use at the deadline, after \(round) tries (\(lastCodes[resource.key] ?? ""))"
                    report.left.append((resource, reason))
                    observe(.failed(resource, reason))
                }
                break
            }
            for resource in retry { observe(.retrying(resource, code: lastCodes[resource.key] ?? "", afterSeconds: delay)) }
            try await sleep(delay)
            pending = retry
        }
        // What AWS says, not what the calls answered.
        let presence = ResourcePresence(api: api)
        let failed = Set(report.left.map(\.resource.key))
        for resource in report.deleted + report.alreadyGone where !failed.contains(resource.key) {
            if try await presence.isThere(resource) {
                report.left.append((resource, "deleted, but AWS still lists it"))
            }
        }
        return report
    }

    /// Marks the resource's ledger entries as deleted, so the ledger agrees with AWS.
    private func settle(_ resource: OwnedResource, note: String?) {
        guard let ledger else { return }
        for entry in resource.entries {
            try? ledger.append(LedgerEvent(.deleted, id: entry, time: now(), fields: note.map { ["note": .string($0)] } ?? [:]))
        }
    }
}

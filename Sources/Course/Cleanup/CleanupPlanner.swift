import Foundation
import JSON

/// Builds a cleanup plan from the ledger and the tags together, so that
/// either one alone is enough: a lost ledger leaves the tags, and a resource
/// whose tags a learner removed is still in the ledger.
public struct CleanupPlanner: Sendable {
    public var api: any AccountAPI
    /// The learner's ledger; nil where there is none (`reap` on a CI runner).
    public var ledger: LedgerInventory?
    /// The course, to find what was built by hand through its lookups.
    public var content: CourseContent?
    public var scope: (@Sendable (Lesson) -> VariableScope)?
    /// What a resource found only by its tags costs by the hour.
    public var hourlyCost: @Sendable (OwnedResource) -> Double = { _ in 0 }

    /// Shared by every lesson's timers: only a cleanup of everything removes them.
    public static let sharedResources: Set<String> = ["\(ResourceKind.role.rawValue) ecslab-timer"]

    public init(api: any AccountAPI, ledger: LedgerInventory?, content: CourseContent? = nil, scope: (@Sendable (Lesson) -> VariableScope)? = nil) {
        self.api = api
        self.ledger = ledger
        self.content = content
        self.scope = scope
    }

    public func plan(_ cleanup: CleanupScope) async throws -> CleanupPlan {
        var byKey: [String: OwnedResource] = [:]
        var order: [String] = []
        func add(_ resource: OwnedResource) {
            if let known = byKey[resource.key] {
                byKey[resource.key] = known.merged(with: resource)
            } else {
                byKey[resource.key] = resource
                order.append(resource.key)
            }
        }
        for resource in try await ledger?.resources(lesson: nil) ?? [] { add(resource) }
        let everything = try await TaggedInventory(api: api, owner: cleanup.owner, lesson: nil).resources()
        for resource in everything { add(resource) }
        var owned = order.compactMap { byKey[$0] }.filter { cleanup.includes($0) }
        if cleanup.isNarrowed {
            owned.removeAll { $0.kind == .scheduleGroup || Self.sharedResources.contains($0.key) }
            // The timers of what this cleanup deletes go with it; the others stay.
            let planned = Set(owned.map(\.id))
            let schedules = order.compactMap { byKey[$0] }.filter { $0.kind == .schedule && !owned.contains($0) }
            for schedule in schedules where try await guards(schedule, anyOf: planned) {
                owned.append(schedule)
            }
        }
        // ECS leaves a task's network interface behind for a while; a subnet goes only after them.
        let vpcs = owned.filter { $0.kind == .vpc }
        for place in vpcs.isEmpty ? owned.filter({ $0.kind == .subnet }) : vpcs {
            owned.append(OwnedResource(kind: .networkInterfaces, id: place.id, name: place.name, ownership: place.ownership, lesson: place.lesson))
        }
        for index in owned.indices where owned[index].usdPerHour == 0 {
            owned[index].usdPerHour = hourlyCost(owned[index])
        }
        var handBuilt: [OwnedResource] = []
        if cleanup.offersHandBuilt, cleanup.expiredBefore == nil, let content, let scope {
            let lessons = content.lessons.filter { cleanup.lesson == nil || $0.id == cleanup.lesson }
            let ours = Set(byKey.keys)
            handBuilt = await HandBuiltSearch(api: api, content: content, scope: scope).resources(lessons: lessons, excluding: ours)
                .filter { !cleanup.costlyOnly || $0.kind.isBilledHourly }
            for index in handBuilt.indices { handBuilt[index].usdPerHour = hourlyCost(handBuilt[index]) }
        }
        return CleanupPlan(account: api.account, region: api.region, owned: owned, handBuilt: handBuilt)
    }

    /// Whether a timer schedule's target input names one of `ids`.
    private func guards(_ schedule: OwnedResource, anyOf ids: Set<String>) async throws -> Bool {
        let input: JSON = ["Name": .string(schedule.id), "GroupName": .string(schedule.context["group"] ?? "default")]
        let answer: JSON
        do {
            answer = try await api.call(OperationName(service: "scheduler", operation: "GetSchedule"), input: input)
        } catch {
            if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return false }
            throw error
        }
        let target = answer["Target"]?["Input"]?.stringValue ?? ""
        return ids.contains { !$0.isEmpty && target.contains($0) }
    }
}

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

    /// Shared by every lesson's timers: a narrowed cleanup (a lesson, the
    /// costly, the expired) removes them only when no timer would be left.
    public static let sharedResources: Set<String> = [
        "\(ResourceKind.role.rawValue) \(TimerRole.name)", "\(ResourceKind.scheduleGroup.rawValue) \(ExpiryTimer.groupName)",
    ]

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
        var inventory = TaggedInventory(api: api, owner: cleanup.owner, lesson: nil)
        inventory.capacityProviderNames = namedCapacityProviders()
        for resource in try await inventory.resources() { add(resource) }
        var owned = order.compactMap { byKey[$0] }.filter { cleanup.includes($0) }
        if cleanup.isNarrowed {
            let shared = owned.filter { Self.sharedResources.contains($0.key) }
            owned.removeAll { Self.sharedResources.contains($0.key) }
            // The timers of what this cleanup deletes go with it; the others stay.
            let planned = Set(owned.map(\.id))
            var timersLeft = false
            for schedule in order.compactMap({ byKey[$0] }) where schedule.kind == .schedule && !owned.contains(schedule) {
                if try await guards(schedule, anyOf: planned) {
                    owned.append(schedule)
                } else {
                    timersLeft = true
                }
            }
            if !timersLeft { owned += shared }
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

    /// The capacity providers the lessons name, to ask for by name where the
    /// service cannot list them all (moto): one a killed `do` made but never
    /// attached to its cluster is found only this way.
    private func namedCapacityProviders() -> [String] {
        guard let content, let scope else { return [] }
        var names: [String] = []
        for lesson in content.lessons {
            let base = scope(lesson).withoutSaved
            for lookup in lesson.lookups where lookup.read.operation == TaggedInventory.describeCapacityProviders {
                // A name that comes from another lookup needs AWS; the lesson's own names do not.
                guard let input = try? base.resolve(lookup.read.parameters) else { continue }
                for name in input["capacityProviders"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !names.contains(name) {
                    names.append(name)
                }
            }
        }
        return names
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

import Foundation
import JSON

/// Sets the timer in the learner's own account when the tutor makes
/// something costly: its role and schedule group once, then a one-time
/// schedule per stop at the resource's `ecslab:expires-at`. Everything it
/// makes goes into the ledger before and after, as a step's calls do, so
/// cleanup removes the schedules with what they guard.
public struct ExpiryTimer: Sendable {
    /// One schedule set: what it will do, and when.
    public struct Armed: Sendable, Equatable {
        public var what: LocalizedText
        public var at: Date
        public var schedule: String
    }

    public enum TimerError: Error, Sendable, CustomStringConvertible, Equatable {
        /// A role of the timer's name exists that is not ours: it is left alone.
        case roleNotOurs(String)

        public var description: String {
            switch self {
            case .roleNotOurs(let name): return "a role named \(name) exists without our tags, and ecslab does not change it"
            }
        }
    }

    public static let groupName = "ecslab"

    public var api: any AccountAPI
    public var ledger: Ledger
    public var owner: String
    public var now: @Sendable () -> Date = { Date() }
    public var makeID: @Sendable () -> String = { UUID().uuidString.lowercased() }
    public var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
    /// How long a new role may take before Scheduler can assume it (IAM is eventually consistent).
    public var roleWaitSeconds: Double = 30

    public init(api: any AccountAPI, ledger: Ledger, owner: String) {
        self.api = api
        self.ledger = ledger
        self.owner = owner
    }

    /// The schedules for what `operation` just made; none for a call the timer does not guard.
    public func arm(
        _ operation: OperationName, input: JSON, response: JSON, tags: CourseTags, lesson: String, step: String
    ) async throws -> [Armed] {
        let stops = TimerStop.stops(for: operation, input: input, response: response, name: tags.name)
        guard !stops.isEmpty else { return [] }
        let role = try await ensureRole(lesson: lesson, step: step, expiresAt: tags.expiresAt)
        try await ensureGroup(lesson: lesson, step: step, expiresAt: tags.expiresAt)
        var armed: [Armed] = []
        for stop in stops {
            let at = tags.expiresAt.addingTimeInterval(stop.afterExpirySeconds)
            let name = "ecslab-\(lesson)-\(String(makeID().prefix(8)))"
            let request: JSON = [
                "Name": .string(name), "GroupName": .string(Self.groupName),
                "ScheduleExpression": .string("at(\(Self.atTime(at)))"), "ScheduleExpressionTimezone": "UTC",
                "FlexibleTimeWindow": ["Mode": "OFF"], "ActionAfterCompletion": "DELETE",
                "Description": .string("ecslab timer: \(stop.what.en), if it is still there"),
                "Target": [
                    "Arn": .string(stop.target), "RoleArn": .string(role), "Input": .string(stop.input.text),
                    "RetryPolicy": ["MaximumRetryAttempts": 5, "MaximumEventAgeInSeconds": 3600],
                ],
            ]
            try await record(
                "scheduler:CreateSchedule", request, lesson: lesson, step: step, tags: nil,
                undo: ["call": "scheduler:DeleteSchedule", "params": ["Name": .string(name), "GroupName": .string(Self.groupName)]],
                extra: ["guards": ["kind": .string(stop.guards.kind.rawValue), "id": .string(stop.guards.id)]], retryingNewRole: true)
            armed.append(Armed(what: stop.what, at: at, schedule: name))
        }
        return armed
    }

    /// `2026-12-03T01:15:00`, as `at()` takes it (the zone is given apart).
    static func atTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter.string(from: date)
    }

    private func ensureRole(lesson: String, step: String, expiresAt: Date) async throws -> String {
        let get = OperationName(service: "iam", operation: "GetRole")
        do {
            let found = try await api.call(get, input: ["RoleName": .string(TimerRole.name)])
            let tags = try await api.paginate(OperationName(service: "iam", operation: "ListRoleTags"), input: ["RoleName": .string(TimerRole.name)])
            let ours = (tags["Tags"]?.arrayValue ?? []).contains {
                $0["Key"]?.stringValue == CourseTags.courseKey && $0["Value"]?.stringValue == CourseTags.courseValue
            }
            guard ours, let arn = found["Role"]?["Arn"]?.stringValue else { throw TimerError.roleNotOurs(TimerRole.name) }
            return arn
        } catch let error as TimerError {
            throw error
        } catch {
            guard let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) else { throw error }
        }
        let account = api.account
        let entry = makeID()
        let tags = CourseTags(name: TimerRole.name, lesson: lesson, owner: owner, expiresAt: expiresAt, entry: entry)
        let created = try await record(
            "iam:CreateRole",
            ["RoleName": .string(TimerRole.name), "AssumeRolePolicyDocument": .string(TimerRole.trustPolicy(account: account).text),
             "Description": "Runs the ecslab timer's schedules: deletes or stops the course's costly resources when they expire",
             "Tags": .array(tags.pairs.map { ["Key": .string($0.key), "Value": .string($0.value)] })],
            lesson: lesson, step: step, tags: tags, undo: ["call": "iam:DeleteRole", "params": ["RoleName": .string(TimerRole.name)]], id: entry)
        try await record(
            "iam:PutRolePolicy",
            ["RoleName": .string(TimerRole.name), "PolicyName": .string(TimerRole.policyName),
             "PolicyDocument": .string(TimerRole.permissions(account: account).text)],
            lesson: lesson, step: step, tags: nil,
            undo: ["call": "iam:DeleteRolePolicy", "params": ["RoleName": .string(TimerRole.name), "PolicyName": .string(TimerRole.policyName)]])
        return created["Role"]?["Arn"]?.stringValue ?? "arn:aws:iam::\(account):role/\(TimerRole.name)"
    }

    private func ensureGroup(lesson: String, step: String, expiresAt: Date) async throws {
        do {
            _ = try await api.call(OperationName(service: "scheduler", operation: "GetScheduleGroup"), input: ["Name": .string(Self.groupName)])
            return
        } catch {
            guard let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) else { throw error }
        }
        let entry = makeID()
        let tags = CourseTags(name: Self.groupName, lesson: lesson, owner: owner, expiresAt: expiresAt, entry: entry)
        try await record(
            "scheduler:CreateScheduleGroup",
            ["Name": .string(Self.groupName), "Tags": .array(tags.pairs.map { ["Key": .string($0.key), "Value": .string($0.value)] })],
            lesson: lesson, step: step, tags: tags, undo: ["call": "scheduler:DeleteScheduleGroup", "params": ["Name": .string(Self.groupName)]],
            id: entry)
    }

    /// One call, written to the ledger before and after. With
    /// `retryingNewRole`, Scheduler's "cannot assume the role" is retried
    /// for a while: a role made a moment ago is not yet visible everywhere.
    @discardableResult
    private func record(
        _ call: String, _ input: JSON, lesson: String, step: String, tags: CourseTags?, undo: JSON, extra: JSONObject = [:],
        retryingNewRole: Bool = false, id: String? = nil
    ) async throws -> JSON {
        guard let operation = OperationName(parsing: call) else { return .null }
        let id = id ?? makeID()
        var fields: JSONObject = ["lesson": .string(lesson), "step": .string(step), "call": .string(call), "input": input, "timer": true]
        if let tags { fields["tags"] = .object(tags.object) }
        for (key, value) in extra { fields[key] = value }
        try ledger.append(LedgerEvent(.intent, id: id, time: now(), fields: fields))
        let started = now()
        while true {
            do {
                let response = try await ChangeCall(api: api).send(
                    operation, input: input, entry: tags?.entry, idempotent: api.idempotencyTokenMember(of: operation) != nil
                ).response
                try ledger.append(LedgerEvent(.created, id: id, time: now(), fields: ["undo": undo]))
                return response
            } catch {
                let waited = now().timeIntervalSince(started)
                if retryingNewRole, api.errorCode(of: error) == "ValidationException", waited < roleWaitSeconds {
                    try await sleep(3)
                    continue
                }
                try? ledger.append(LedgerEvent(.failed, id: id, time: now(), fields: ["error": .string(String(describing: error))]))
                throw error
            }
        }
    }
}

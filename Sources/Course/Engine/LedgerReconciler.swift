import AWS
import Foundation
import JMESPath
import JSON

/// Settles a ledger entry whose result was never written (the process died
/// between sending a create call and recording its answer). With a client
/// token, the same call is sent again: AWS answers with the resource it
/// already made, or makes it now. Without one, the resource is looked up by
/// its `ecslab:entry` tag; found, it is reported as an orphan with its ARN
/// rather than guessed at; not found, the call never took effect.
public struct LedgerReconciler: Sendable {
    public var api: any AccountAPI
    public var ledger: Ledger
    /// The course, to find the call an entry came from and rebuild its undo.
    public var content: CourseContent
    /// The scope a lesson's templates resolve in.
    public var scope: @Sendable (Lesson) -> VariableScope

    public init(api: any AccountAPI, ledger: Ledger, content: CourseContent, scope: @escaping @Sendable (Lesson) -> VariableScope) {
        self.api = api
        self.ledger = ledger
        self.content = content
        self.scope = scope
    }

    /// Settles every pending entry; run when a session starts.
    public func reconcileAll() async throws -> [LedgerEntry] {
        var settled: [LedgerEntry] = []
        for entry in try ledger.entries() where entry.state == .pending {
            settled.append(try await reconcile(entry))
        }
        return settled
    }

    public func reconcile(_ entry: LedgerEntry) async throws -> LedgerEntry {
        guard entry.state == .pending else { return entry }
        var settled = entry
        if entry.clientToken != nil, let operation = OperationName(parsing: entry.operation), let input = entry.fields["input"] {
            do {
                let response = try await api.call(operation, input: input)
                var fields: JSONObject = ["reconciled": "replayed with its client token"]
                if let rebuilt = try rebuild(entry, response: response) {
                    for (key, value) in rebuilt { fields[key] = value }
                }
                try ledger.append(LedgerEvent(.created, id: entry.id, fields: fields))
                settled.state = .created
                for (key, value) in fields { settled.fields[key] = value }
                return settled
            } catch {
                try ledger.append(LedgerEvent(.failed, id: entry.id, fields: ["error": .string(String(describing: error))]))
                settled.state = .failed
                return settled
            }
        }
        let arns = try await TaggedResourceSearch(api: api).arns(tagged: [CourseTags.entryKey: entry.id])
        if arns.isEmpty {
            try ledger.append(LedgerEvent(.failed, id: entry.id, fields: ["error": "never created: nothing carries its tag"]))
            settled.state = .failed
        } else {
            var fields: JSONObject = ["arns": .array(arns.map(JSON.string)), "reconciled": "found by its tag"]
            if arns.count == 1, let adopted = try adopt(entry, arn: arns[0]) {
                for (key, value) in adopted { fields[key] = value }
            } else {
                fields["reconciled"] = "found by its tag, with no undo recorded"
            }
            try ledger.append(LedgerEvent(.created, id: entry.id, fields: fields))
            settled.state = .created
            for (key, value) in fields { settled.fields[key] = value }
        }
        return settled
    }

    /// Takes back a resource found by its tag after its answer was lost: the
    /// id at the end of its ARN is the value the call saves for its undo
    /// (`vpc-0a1b` from `arn:aws:ec2:…:vpc/vpc-0a1b`). Only when the undo
    /// needs exactly one such value can it be rebuilt without guessing.
    private func adopt(_ entry: LedgerEntry, arn: String) throws -> JSONObject? {
        guard let lesson = content.lesson(entry.lesson), let step = lesson.step(entry.step),
            let index = entry.fields["index"]?.intValue, step.calls.indices.contains(index),
            let undo = step.calls[index].undo
        else { return nil }
        let call = step.calls[index]
        let ownSaves = Set(call.save.map(\.name))
        let needed = Set(undo.parameters.references.filter { $0.lesson == nil && ownSaves.contains($0.name) }.map(\.name))
        guard needed.count == 1, let name = needed.first else { return nil }
        let id = ARN(arn)?.lastName ?? arn
        var scope = scope(lesson)
        scope.save(.string(id), as: name)
        return [
            "saved": [name: .string(id)],
            "undo": ["call": .string(undo.operation.description), "params": try scope.resolve(undo.parameters)],
        ]
    }

    /// The saved values and undo call of `entry`, from the answer to its replay.
    private func rebuild(_ entry: LedgerEntry, response: JSON) throws -> JSONObject? {
        guard let lesson = content.lesson(entry.lesson), let step = lesson.step(entry.step),
            let index = entry.fields["index"]?.intValue, step.calls.indices.contains(index)
        else { return nil }
        let call = step.calls[index]
        var scope = scope(lesson)
        var saved = JSONObject()
        for save in call.save {
            let value = try JMESPathExpression(save.expression).evaluate(response, variables: CheckRunner.expressionVariables(scope))
            saved[save.name] = value
            scope.save(value, as: save.name)
        }
        var fields: JSONObject = ["saved": .object(saved)]
        if let undo = call.undo {
            fields["undo"] = ["call": .string(undo.operation.description), "params": try scope.resolve(undo.parameters)]
            if let wait = undo.wait {
                fields["undo-wait"] = ["service": .string(wait.service), "waiter": .string(wait.waiter), "params": try scope.resolve(wait.parameters)]
            }
        }
        return fields
    }
}

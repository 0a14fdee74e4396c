import Course
import JSON

/// Records every call made through it in a `CallTrace`: the grader's proof
/// of what it asked each account, and a benchmark's script to replay.
struct TracingAccount: WrappingAccount {
    let inner: any AccountAPI
    let trace: CallTrace
    let learner: String


    func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await traced(operation, input: input, paginate: false) { try await inner.call(operation, input: input) }
    }

    func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await traced(operation, input: input, paginate: true) { try await inner.paginate(operation, input: input) }
    }

    private func traced(_ operation: OperationName, input: JSON, paginate: Bool, _ body: () async throws -> JSON) async throws -> JSON {
        var line: JSONObject = [
            "learner": .string(learner), "account": .string(inner.account), "region": .string(inner.region),
            "operation": .string(operation.description), "input": input, "paginate": .bool(paginate),
        ]
        do {
            let answer = try await body()
            line["error"] = .null
            trace.record(.object(line))
            return answer
        } catch {
            line["error"] = inner.errorCode(of: error).map(JSON.string) ?? .string("\(type(of: error))")
            trace.record(.object(line))
            throw error
        }
    }

}

import JSON

/// Responses already read in one run, by operation and input: a check and
/// the lookups it needs make each identical read once.
struct ReadCache {
    var responses: [String: JSON] = [:]
    /// Reads made, for the count a run reports.
    private(set) var reads = 0

    /// The answer to `call` with `input`. "It does not exist" is an answer
    /// (`{Error: {Code}}`) that assertions and lookups judge; anything else
    /// means AWS could not be read. `fresh` reads again what is cached.
    mutating func response(to call: ReadCall, input: JSON, api: any AccountAPI, fresh: Bool = false) async -> Result<JSON, CheckProblem> {
        guard call.operation.isCheckable else { return .failure(.notARead(call.operation)) }
        let key = "\(call.operation) \(input.formatted(JSONFormat(sortKeys: true)))"
        if !fresh, let cached = responses[key] { return .success(cached) }
        reads += 1
        do {
            let response = call.paginate
                ? try await api.paginate(call.operation, input: input)
                : try await api.call(call.operation, input: input)
            responses[key] = response
            return .success(response)
        } catch {
            if error is PolicyBoundAccount.Refused {
                return .failure(.unavailable(PolicyBoundAccount.refusal(call.operation)))
            }
            guard let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) else {
                return .failure(.awsRefused(call.operation, String(describing: error)))
            }
            let answer: JSON = ["Error": ["Code": .string(code)]]
            responses[key] = answer
            return .success(answer)
        }
    }
}

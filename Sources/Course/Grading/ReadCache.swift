import JSON

/// Responses already read in one run, by operation and input: a check and
/// the lookups it needs make each identical read once.
struct ReadCache {
    var responses: [String: JSON] = [:]
    /// Reads made, for the count a run reports.
    private(set) var reads = 0
    /// While a run plans its reads, a read not cached yet is noted in
    /// `wanted` instead of made, and answers `notYetRead`.
    var planning = false
    private(set) var wanted: [(key: String, call: ReadCall, input: JSON)] = []
    /// Whether a read was noted instead of made since this was last set false.
    var missed = false
    /// Reads made ahead that failed: the first to ask again is told so
    /// instead of asking AWS a second time.
    private var failedAhead: [String: CheckProblem] = [:]

    /// The answer to `call` with `input`. "It does not exist" is an answer
    /// (`{Error: {Code}}`) that assertions and lookups judge; anything else
    /// means AWS could not be read. `fresh` reads again what is cached.
    mutating func response(to call: ReadCall, input: JSON, api: any AccountAPI, fresh: Bool = false) async -> Result<JSON, CheckProblem> {
        guard call.operation.isCheckable else { return .failure(.notARead(call.operation)) }
        let key = Self.key(call, input)
        if !fresh, let cached = responses[key] { return .success(cached) }
        if !fresh, let failed = failedAhead[key] {
            if !planning { failedAhead[key] = nil }
            return .failure(failed)
        }
        if planning {
            missed = true
            if !wanted.contains(where: { $0.key == key }) { wanted.append((key, call, input)) }
            return .failure(.notYetRead)
        }
        reads += 1
        let (result, answer) = await Self.read(call, input: input, api: api)
        if let answer { responses[key] = answer }
        return result
    }

    /// Makes every wanted read, up to `limit` at once, and keeps what they answer.
    mutating func readWanted(api: any AccountAPI, limit: Int) async {
        let batch = wanted
        wanted = []
        reads += batch.count
        let answers = await withTaskGroup(of: (String, Result<JSON, CheckProblem>, JSON?).self) { group in
            var answers: [(String, Result<JSON, CheckProblem>, JSON?)] = []
            var next = batch.makeIterator()
            func start() -> Bool {
                guard let (key, call, input) = next.next() else { return false }
                group.addTask {
                    let (result, answer) = await Self.read(call, input: input, api: api)
                    return (key, result, answer)
                }
                return true
            }
            for _ in 0..<max(1, limit) {
                guard start() else { break }
            }
            while let answer = await group.next() {
                answers.append(answer)
                _ = start()
            }
            return answers
        }
        for (key, result, answer) in answers {
            if let answer {
                responses[key] = answer
            } else if case .failure(let problem) = result {
                failedAhead[key] = problem
            }
        }
    }

    private static func key(_ call: ReadCall, _ input: JSON) -> String {
        "\(call.operation) \(input.formatted(JSONFormat(sortKeys: true)))"
    }

    /// One read, and the answer worth keeping: nil when AWS could not be read.
    private static func read(_ call: ReadCall, input: JSON, api: any AccountAPI) async -> (Result<JSON, CheckProblem>, JSON?) {
        do {
            let response = call.paginate
                ? try await api.paginate(call.operation, input: input)
                : try await api.call(call.operation, input: input)
            return (.success(response), response)
        } catch {
            if error is PolicyBoundAccount.Refused {
                return (.failure(.unavailable(PolicyBoundAccount.refusal(call.operation))), nil)
            }
            guard let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) else {
                return (.failure(.awsRefused(call.operation, String(describing: error))), nil)
            }
            let answer: JSON = ["Error": ["Code": .string(code)]]
            return (.success(answer), answer)
        }
    }
}

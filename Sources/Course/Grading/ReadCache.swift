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
    private(set) var wanted: [Wanted] = []
    /// Reads planned and not answered yet: asked for again, they are missed
    /// but not wanted twice.
    private var inFlight: Set<String> = []
    /// Whether a read was noted instead of made since this was last set false.
    var missed = false
    /// Reads made ahead that failed: the first to ask again is told so
    /// instead of asking AWS a second time.
    private var failedAhead: [String: CheckProblem] = [:]

    /// A read planned and not yet made.
    struct Wanted: Sendable {
        var key: String
        var call: ReadCall
        var input: JSON
        var unlocksOthers: Bool
    }

    /// What a planned read came to.
    struct Answer: Sendable {
        var key: String
        var result: Result<JSON, CheckProblem>
        var kept: JSON?
    }

    /// The answer to `call` with `input`. "It does not exist" is an answer
    /// (`{Error: {Code}}`) that assertions and lookups judge; anything else
    /// means AWS could not be read. `fresh` reads again what is cached.
    /// `unlocksOthers`: a lookup's read, whose answer other reads wait on;
    /// planned, it is made before the checks' own.
    mutating func response(
        to call: ReadCall, input: JSON, api: any AccountAPI, fresh: Bool = false, unlocksOthers: Bool = false
    ) async -> Result<JSON, CheckProblem> {
        guard call.operation.isCheckable else { return .failure(.notARead(call.operation)) }
        let key = Self.key(call, input)
        if !fresh, let cached = responses[key] { return .success(cached) }
        if !fresh, let failed = failedAhead[key] {
            if !planning { failedAhead[key] = nil }
            return .failure(failed)
        }
        if planning {
            missed = true
            if !inFlight.contains(key) {
                if let index = wanted.firstIndex(where: { $0.key == key }) {
                    wanted[index].unlocksOthers = wanted[index].unlocksOthers || unlocksOthers
                } else {
                    wanted.append(Wanted(key: key, call: call, input: input, unlocksOthers: unlocksOthers))
                }
            }
            return .failure(.notYetRead)
        }
        reads += 1
        let (result, answer) = await Self.read(call, input: input, api: api)
        if let answer { responses[key] = answer }
        return result
    }

    /// The reads noted since the last time, now counted as made and in
    /// flight: lookups' reads first, since the longest chains run through them.
    mutating func takeWanted() -> [Wanted] {
        let taken = wanted.filter(\.unlocksOthers) + wanted.filter { !$0.unlocksOthers }
        wanted = []
        reads += taken.count
        inFlight.formUnion(taken.map(\.key))
        return taken
    }

    /// Keeps what a planned read answered.
    mutating func keep(_ answer: Answer) {
        inFlight.remove(answer.key)
        if let kept = answer.kept {
            responses[answer.key] = kept
        } else if case .failure(let problem) = answer.result {
            failedAhead[answer.key] = problem
        }
    }

    /// Makes one planned read; it touches no cache, so many run at once.
    static func answer(_ wanted: Wanted, api: any AccountAPI) async -> Answer {
        let (result, kept) = await read(wanted.call, input: wanted.input, api: api)
        return Answer(key: wanted.key, result: result, kept: kept)
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

import AWS
import JMESPath
import JSON

/// Makes the lookups of one run, each once, and shares their reads with the
/// checks. A check asks for the values it references; the resolver finds
/// them, and the lookups they depend on, in the lesson that defines each.
struct LookupResolver {
    struct Key: Hashable {
        var lesson: String
        var name: String
    }

    var content: CourseContent?
    var api: any AccountAPI
    private(set) var outcomes: [Key: LookupOutcome] = [:]
    private var resolving: Set<Key> = []

    init(content: CourseContent?, api: any AccountAPI) {
        self.content = content
        self.api = api
    }

    /// Lookups made so far in this run.
    var made: Int { outcomes.count }

    /// `scope` with the value of every lookup `check` references, or why one
    /// could not be found. With `fresh`, lookups that found nothing are made
    /// again: an `eventually` check waits for the thing to appear.
    mutating func scope(
        for check: Check, base scope: VariableScope, cache: inout ReadCache, fresh: Bool
    ) async -> Result<VariableScope, LookupFailure> {
        var scope = scope
        for reference in check.references {
            let key = Key(lesson: reference.lesson ?? check.lesson, name: reference.name)
            guard lookup(key) != nil else { continue }
            switch await resolve(key, base: scope, cache: &cache, fresh: fresh) {
            case .found(let value): scope.saved[key.lesson, default: JSONObject()][key.name] = value
            case .missing(let text): return .failure(.missing(text))
            case .unreadable(let text): return .failure(.unreadable(text))
            }
        }
        return .success(scope)
    }

    private func lookup(_ key: Key) -> Lookup? {
        content?.lesson(key.lesson)?.lookup(key.name)
    }

    mutating func resolve(_ key: Key, base: VariableScope, cache: inout ReadCache, fresh: Bool) async -> LookupOutcome {
        if let known = outcomes[key], !(fresh && !known.isFound) { return known }
        guard let lookup = lookup(key) else {
            return .unreadable(LocalizedText(zh: "没有名为 \(key.name) 的查找", en: "there is no lookup named \(key.name)"))
        }
        // Lint refuses cycles; one that slips through ends here.
        guard resolving.insert(key).inserted else {
            return .unreadable(LocalizedText(zh: "查找 \(key.name) 依赖它自己", en: "the lookup \(key.name) depends on itself"))
        }
        defer { resolving.remove(key) }
        // An outcome met while a run plans its reads, before they were in, is not kept.
        let missedBefore = cache.missed
        cache.missed = false
        defer { cache.missed = cache.missed || missedBefore }
        var outcome: LookupOutcome
        switch await dependencies(of: lookup, base: base, cache: &cache, fresh: fresh) {
        case .success(let scope): outcome = await make(lookup, scope: scope, cache: &cache, fresh: fresh)
        case .failure(let failure): outcome = failure.outcome
        }
        if case .missing = outcome, let otherwise = lookup.otherwise {
            // The lesson's own name is what a learner following it typed, so
            // its failure is the one worth telling when neither way finds it.
            let other = await resolve(Key(lesson: key.lesson, name: otherwise), base: base, cache: &cache, fresh: fresh)
            if case .missing = other {} else { outcome = other }
        }
        if !cache.missed { outcomes[key] = outcome }
        return outcome
    }

    /// The lookup's scope with the values of the lookups it needs.
    private mutating func dependencies(
        of lookup: Lookup, base: VariableScope, cache: inout ReadCache, fresh: Bool
    ) async -> Result<VariableScope, LookupDependencyFailure> {
        var scope = base.scope(of: lookup.lesson)
        for reference in lookup.references {
            let needed = Key(lesson: reference.lesson ?? lookup.lesson, name: reference.name)
            guard self.lookup(needed) != nil else { continue }
            let outcome = await resolve(needed, base: base, cache: &cache, fresh: fresh)
            guard case .found(let value) = outcome else { return .failure(LookupDependencyFailure(outcome: outcome)) }
            scope.saved[needed.lesson, default: JSONObject()][needed.name] = value
        }
        return .success(scope)
    }

    /// What answers to a lookup right now, with each match's value, before
    /// any rule of one-or-many: a create call asks whether its name is taken.
    mutating func existing(_ key: Key, base: VariableScope, cache: inout ReadCache) async -> [LookupMatch]? {
        guard let lookup = lookup(key), case .success(let scope) = await dependencies(of: lookup, base: base, cache: &cache, fresh: false),
            case .success(let found) = await matches(of: lookup, scope: scope, cache: &cache, fresh: true)
        else { return nil }
        return found
    }

    private func matches(of lookup: Lookup, scope: VariableScope, cache: inout ReadCache, fresh: Bool) async -> Result<[LookupMatch], LookupDependencyFailure> {
        let response: JSON
        switch await read(lookup.read, scope: scope, cache: &cache, fresh: fresh) {
        case .success(let value): response = value
        case .failure(let problem): return .failure(LookupDependencyFailure(outcome: .unreadable(problem.text)))
        }
        let variables = CheckRunner.expressionVariables(scope)
        do {
            // One object is one match, and no value none.
            let found = try JMESPathExpression(lookup.matches).evaluate(response, variables: variables)
            let expression = try JMESPathExpression(lookup.value)
            return .success(
                try (found.arrayValue ?? [found]).filter { !$0.isNull }.map { match in
                    LookupMatch(resource: match, value: try expression.evaluate(match, variables: variables), shown: show(match, lookup))
                })
        } catch {
            return .failure(
                LookupDependencyFailure(
                    outcome: .unreadable(LocalizedText(zh: "查找 \(lookup.name) 无法求值：\(error)", en: "the lookup \(lookup.name) failed: \(error)"))))
        }
    }

    private func make(_ lookup: Lookup, scope: VariableScope, cache: inout ReadCache, fresh: Bool) async -> LookupOutcome {
        let looksFor = scope.fill(lookup.looksFor)
        let matches: [LookupMatch]
        switch await self.matches(of: lookup, scope: scope, cache: &cache, fresh: fresh) {
        case .success(let found): matches = found
        case .failure(let failure): return failure.outcome
        }
        let present = matches.map(\.value).filter { !$0.isNull }
        if lookup.many, !present.isEmpty { return .found(.array(present)) }
        if !lookup.many, matches.count > 1 {
            return .missing(LookupFailureText.ambiguous(looksFor, matches: matches.map(\.shown)))
        }
        if !lookup.many, let value = present.first { return .found(value) }
        let nearby = await nearby(of: lookup, scope: scope, cache: &cache)
        return .missing(LookupFailureText.notFound(looksFor, nearby: nearby))
    }

    private func read(_ call: ReadCall, scope: VariableScope, cache: inout ReadCache, fresh: Bool) async -> Result<JSON, CheckProblem> {
        let input: JSON
        do {
            input = try scope.resolve(call.parameters)
        } catch {
            return .failure(.missingValue(error))
        }
        return await cache.response(to: call, input: input, api: api, fresh: fresh, unlocksOthers: true)
    }

    private func show(_ match: JSON, _ lookup: Lookup) -> ShownResource {
        // A bare name (a cluster's ARN from ListClusters) is shown as it is.
        if match.stringValue != nil { return ShownResource(match) }
        guard let shows = lookup.shows, let shown = try? JMESPathExpression(shows).evaluate(match) else { return ShownResource(raw: match) }
        return ShownResource(shown)
    }

    /// What is there of the same kind, closest names first, and the `--set`
    /// that would use the closest one.
    private func nearby(of lookup: Lookup, scope: VariableScope, cache: inout ReadCache) async -> NearbyList? {
        guard let nearby = lookup.nearby, case .success(let response) = await read(nearby.read, scope: scope, cache: &cache, fresh: false),
            let items = (try? JMESPathExpression(nearby.items).evaluate(response))?.arrayValue
        else { return nil }
        let wanted = nearby.variable.flatMap { scope.variables[$0] } ?? ""
        let shown = items.map { show($0, lookup) }.sorted { a, b in
            // Named resources first, the closest name first; the rest as AWS lists them.
            switch (a.name, b.name) {
            case (let x?, let y?): return EditDistance.between(x, wanted) < EditDistance.between(y, wanted)
            case (.some, nil): return true
            default: return false
            }
        }
        let suggestion = nearby.variable.flatMap { variable in
            shown.first(where: { !$0.isDefault && $0.name != nil && $0.name != wanted })?.name.map { "--set \(variable)=\($0)" }
        }
        return NearbyList(label: scope.fill(nearby.label), resources: shown, suggestion: suggestion)
    }
}

/// One resource a lookup matched.
struct LookupMatch: Sendable {
    var resource: JSON
    var value: JSON
    var shown: ShownResource
}

/// A lookup that could not be made, as the outcome it ends in.
struct LookupDependencyFailure: Error {
    var outcome: LookupOutcome
}

/// Why a check could not get a value it needs from a lookup.
enum LookupFailure: Error {
    case missing(LocalizedText)
    case unreadable(LocalizedText)
}

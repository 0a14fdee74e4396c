import JSON

/// Calls an operation page after page and merges the pages the way botocore's
/// `build_full_result` does (and so the way `aws` prints a paginated call):
/// result keys concatenated across pages, the paginator's non-aggregate keys
/// kept from the pages, everything else dropped.
public struct Paginator: Sendable {
    public let model: PaginatorModel
    /// Stops a runaway loop when a service keeps returning the same token.
    public var maximumPages: Int

    public init(model: PaginatorModel, maximumPages: Int = 10_000) {
        self.model = model
        self.maximumPages = maximumPages
    }

    /// Whether `input` already names a page or a page size: then, as the CLI
    /// does, the caller gets that one page rather than every page.
    public func isPagingByHand(_ input: JSON) -> Bool {
        let names = model.inputTokens + (model.limitKey.map { [$0] } ?? [])
        return names.contains { input[$0] != nil }
    }

    /// Every page of `fetch(input)`, merged. `onPage` sees each raw page.
    public func fullResult(
        input: JSON, fetch: (JSON) async throws -> JSON, onPage: (Int, JSON) -> Void = { _, _ in }
    ) async throws -> JSON {
        let resultKeys = model.resultKeys.map(DottedPath.init)
        let nonAggregate = model.nonAggregateKeys.map(DottedPath.init)
        let outputTokens = model.outputTokens.map(DottedPath.init)
        var complete = JSON.object(JSONObject())
        var nonAggregatePart = JSON.object(JSONObject())
        var request = input.objectValue ?? JSONObject()
        var previousTokens: [JSON?]?
        var pages = 0
        while true {
            try Task.checkCancellation()
            let page = try await fetch(.object(request))
            pages += 1
            onPage(pages, page)
            for key in resultKeys {
                guard let value = key.value(in: page) else { continue }
                guard let existing = key.value(in: complete) else {
                    key.set(value, in: &complete)
                    continue
                }
                switch (existing, value) {
                case (.array(let before), .array(let more)): key.set(.array(before + more), in: &complete)
                case (.integer(let a), .integer(let b)): key.set(.integer(a + b), in: &complete)
                case (.string(let a), .string(let b)): key.set(.string(a + b), in: &complete)
                default:
                    if let a = existing.doubleValue, let b = value.doubleValue { key.set(.double(a + b), in: &complete) }
                }
            }
            for key in nonAggregate {
                if let value = key.value(in: page), key.value(in: nonAggregatePart) == nil {
                    key.set(value, in: &nonAggregatePart)
                }
            }
            var tokens: [JSON?] = outputTokens.map { token in
                guard let value = token.value(in: page), Self.isTruthy(value) else { return nil }
                return value
            }
            if let more = model.moreResults.map(DottedPath.init), !Self.isTruthy(more.value(in: page) ?? .bool(false)) {
                tokens = tokens.map { _ in nil }
            }
            if tokens.allSatisfy({ $0 == nil }) { break }
            if let previousTokens, previousTokens == tokens {
                throw PaginationError(message: "the service returned the same page token twice (\(tokens.compactMap { $0?.text }.joined(separator: ", "))); stopped to avoid a loop")
            }
            if pages >= maximumPages {
                throw PaginationError(message: "stopped after \(maximumPages) pages")
            }
            previousTokens = tokens
            for (name, token) in zip(model.inputTokens, tokens) {
                request[name] = token
            }
        }
        if case .object(let extra) = nonAggregatePart, case .object(var merged) = complete {
            for (key, value) in extra.members where merged[key] == nil { merged[key] = value }
            complete = .object(merged)
        }
        return complete
    }

    static func isTruthy(_ value: JSON) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let object): return !object.isEmpty
        case .integer, .double: return true
        }
    }
}

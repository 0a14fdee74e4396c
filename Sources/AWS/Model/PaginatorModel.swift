import JSON

/// How an operation's results come in pages (botocore's `paginators-1.json`).
/// Tokens and result keys are JMESPath expressions, in practice dotted paths.
public struct PaginatorModel: Sendable, Equatable {
    public var inputTokens: [String]
    public var outputTokens: [String]
    public var limitKey: String?
    public var resultKeys: [String]
    public var moreResults: String?
    public var nonAggregateKeys: [String]

    init(_ json: JSON) {
        inputTokens = Self.strings(json["input_token"])
        outputTokens = Self.strings(json["output_token"])
        limitKey = json["limit_key"]?.stringValue
        resultKeys = Self.strings(json["result_key"])
        moreResults = json["more_results"]?.stringValue
        nonAggregateKeys = Self.strings(json["non_aggregate_keys"])
    }

    private static func strings(_ json: JSON?) -> [String] {
        switch json {
        case .string(let value)?: return [value]
        case .array(let values)?: return values.compactMap(\.stringValue)
        default: return []
        }
    }
}

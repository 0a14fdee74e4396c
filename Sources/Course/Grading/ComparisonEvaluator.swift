import Foundation
import JSON

/// Applies a `Comparison` to the value an assertion's expression produced.
/// Nested assertions (`every`, `any`) evaluate their own expression against
/// each element through `evaluate`, so this type needs no expression engine.
public struct ComparisonEvaluator: Sendable {
    public typealias Evaluate = @Sendable (_ expression: String, _ document: JSON) throws -> JSON
    public typealias Resolve = @Sendable (_ template: Template) throws -> JSON

    let evaluate: Evaluate
    let resolve: Resolve

    public init(evaluate: @escaping Evaluate, resolve: @escaping Resolve) {
        self.evaluate = evaluate
        self.resolve = resolve
    }

    /// `actual` is what the assertion's expression produced; null when it found nothing.
    public func compare(_ comparison: Comparison, actual: JSON) throws -> ComparisonOutcome {
        let found = ComparisonEvaluator.shown(actual)
        switch comparison {
        case .equals(let template):
            let expected = try resolve(template)
            return outcome(actual == expected, zh: "等于 \(show(expected, .zh))", en: "equal to \(show(expected))", found)
        case .notEquals(let template):
            let expected = try resolve(template)
            return outcome(actual != expected, zh: "不等于 \(show(expected, .zh))", en: "anything but \(show(expected))", found)
        case .matches(let pattern):
            let passed: Bool
            if let text = actual.stringValue, let regex = try? Regex(pattern) {
                passed = (try? regex.wholeMatch(in: text)) != nil
            } else {
                passed = false
            }
            return outcome(passed, zh: "匹配 /\(pattern)/ 的文本", en: "text matching /\(pattern)/", found)
        case .contains(let template):
            let expected = try resolve(template)
            let passed: Bool
            switch actual {
            case .array(let items): passed = items.contains(expected)
            case .string(let text): passed = expected.stringValue.map { text.contains($0) } ?? false
            default: passed = false
            }
            return outcome(passed, zh: "包含 \(show(expected, .zh))", en: "something containing \(show(expected))", found)
        case .isIn(let template):
            let expected = try resolve(template)
            let passed = expected.arrayValue?.contains(actual) ?? false
            return outcome(passed, zh: "\(show(expected, .zh)) 之一", en: "one of \(show(expected))", found)
        case .atLeast(let template):
            let expected = try resolve(template)
            let passed = ComparisonEvaluator.order(actual, expected).map { $0 >= 0 } ?? false
            return outcome(passed, zh: "至少 \(show(expected, .zh))", en: "at least \(show(expected))", found)
        case .atMost(let template):
            let expected = try resolve(template)
            let passed = ComparisonEvaluator.order(actual, expected).map { $0 <= 0 } ?? false
            return outcome(passed, zh: "至多 \(show(expected, .zh))", en: "at most \(show(expected))", found)
        case .length(let template):
            let expected = try resolve(template)
            let count = ComparisonEvaluator.count(actual)
            let passed = count != nil && expected.intValue == count
            return outcome(
                passed, zh: "\(show(expected, .zh)) 个元素", en: "\(show(expected)) elements",
                counted(count, found))
        case .distinctCount(let template):
            let expected = try resolve(template)
            let distinct = actual.arrayValue.map { Set($0).count }
            let passed = distinct != nil && expected.intValue == distinct
            return outcome(
                passed, zh: "\(show(expected, .zh)) 个不同的值", en: "\(show(expected)) distinct values",
                counted(distinct, found))
        case .every(let nested), .any(let nested):
            let isEvery: Bool
            if case .every = comparison { isEvery = true } else { isEvery = false }
            guard let items = actual.arrayValue, !items.isEmpty else {
                return outcome(false, zh: "一个非空列表", en: "a non-empty list", found)
            }
            var failures: [LocalizedText] = []
            var expected = LocalizedText(zh: "", en: "")
            for (index, item) in items.enumerated() {
                let result = try compare(nested.comparison, actual: try evaluate(nested.expression, item))
                expected = result.expected
                if result.passed, !isEvery {
                    return outcome(true, zh: "至少一个元素的 \(nested.expression) \(expected.zh)", en: "some element's \(nested.expression) \(expected.en)", found)
                }
                if !result.passed {
                    // A record a check built names what failed (the subnet,
                    // its route table); a bare value is named by its place.
                    let shown = item.objectValue == nil ? result.actual : ComparisonEvaluator.shown(item)
                    failures.append(shown.map { "[\(index)] \($0)" })
                }
            }
            let failed = LocalizedText(zh: failures.map(\.zh).joined(separator: "；"), en: failures.map(\.en).joined(separator: "; "))
            if isEvery {
                return outcome(
                    failures.isEmpty, zh: "每个元素的 \(nested.expression) 都\(expected.zh)", en: "every element's \(nested.expression) \(expected.en)",
                    failed)
            }
            return outcome(false, zh: "至少一个元素的 \(nested.expression) \(expected.zh)", en: "some element's \(nested.expression) \(expected.en)", failed)
        case .exists:
            return outcome(!actual.isNull, zh: "存在", en: "present", found)
        case .absent:
            return outcome(actual.isNull, zh: "不存在", en: "absent", found)
        case .cidrContains(let template):
            let expected = try resolve(template)
            // A list operand asks that every one of its blocks lies inside.
            let inner = (expected.arrayValue ?? [expected]).map { $0.stringValue.flatMap(CIDRBlock.init(parsing:)) }
            let blocks = (actual.arrayValue ?? [actual]).compactMap { $0.stringValue.flatMap(CIDRBlock.init(parsing:)) }
            let passed = !inner.isEmpty && inner.allSatisfy { block in block.map { block in blocks.contains { $0.contains(block) } } ?? false }
            return outcome(passed, zh: "包含 \(show(expected, .zh)) 的网段", en: "a CIDR block containing \(show(expected))", found)
        }
    }

    private func outcome(_ passed: Bool, zh: String, en: String, _ actual: LocalizedText) -> ComparisonOutcome {
        ComparisonOutcome(passed: passed, expected: LocalizedText(zh: zh, en: en), actual: actual)
    }

    private func show(_ value: JSON, _ language: Language = .en) -> String { ComparisonEvaluator.show(value, language) }

    /// A count with what was counted beside it, so a learner sees which items
    /// are there; nothing beside a count of none, which would only repeat it.
    private func counted(_ count: Int?, _ found: LocalizedText) -> LocalizedText {
        guard let count else { return found }
        guard count > 0 else { return LocalizedText(zh: "0", en: "0") }
        return LocalizedText(zh: "\(count)（\(found.zh)）", en: "\(count) (\(found.en))")
    }

    /// A found value in both languages.
    static func shown(_ value: JSON) -> LocalizedText {
        LocalizedText(zh: show(value, .zh), en: show(value, .en))
    }

    /// Found values and operands read alike, so that "expected" and "found"
    /// can be set side by side.
    static func show(_ value: JSON, _ language: Language = .en) -> String {
        FoundValueText(language).text(value)
    }

    static func count(_ value: JSON) -> Int? {
        switch value {
        case .array(let items): return items.count
        case .string(let text): return text.count
        case .object(let object): return object.count
        default: return nil
        }
    }

    /// -1, 0 or 1 for two numbers or two strings; `nil` when they cannot be ordered.
    static func order(_ lhs: JSON, _ rhs: JSON) -> Int? {
        if let a = lhs.doubleValue, let b = rhs.doubleValue {
            return a < b ? -1 : (a > b ? 1 : 0)
        }
        if let a = lhs.stringValue, let b = rhs.stringValue {
            return a < b ? -1 : (a > b ? 1 : 0)
        }
        return nil
    }
}

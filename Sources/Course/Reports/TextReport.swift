import Terminal

/// Check results as a checklist a learner reads: ✓ and ✗, expected against
/// found, the hint and the documentation link for each failure.
public struct TextReport: Sendable {
    public var language: Language
    /// ANSI colours: `TerminalStyle` decides when.
    public var colors: Bool

    public init(language: Language, colors: Bool = false) {
        self.language = language
        self.colors = colors
    }

    public func render(_ results: [CheckResult], title: String? = nil) -> String {
        var lines: [String] = []
        if let title { lines.append(title) }
        let width = results.map(\.check.id.count).max() ?? 0
        for result in results {
            let id = result.check.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let score = "\(GradeSummary.points(result.pointsEarned))/\(result.pointsPossible)"
            let mark: String
            switch result.status {
            case .passed: mark = style.green("✓")
            case .failed: mark = style.red("✗")
            case .skipped, .notApplicable: mark = style.yellow("-")
            case .error: mark = style.red("!")
            }
            lines.append("  \(mark) \(id)  \(result.check.title[language])  \(score)")
            switch result.status {
            case .passed:
                continue
            case .skipped, .error, .notApplicable:
                if let reason = result.reason { lines.append("      \(reason[language])") }
            case .failed:
                if let message = result.failureMessage { lines.append("      \(message[language])") }
                for assertion in result.assertions where !assertion.passed {
                    if let outcome = assertion.outcome {
                        lines.append("      \(label(.expected)) \(outcome.expected[language])")
                        lines.append("      \(label(.found)) \(outcome.actual[language])")
                    } else if let error = assertion.error {
                        lines.append("      \(error[language])")
                    }
                }
            }
            if result.status != .skipped, result.status != .notApplicable {
                if let hint = result.check.hints.first { lines.append("      \(label(.hint)) \(hint[language])") }
                if !result.check.docs.isEmpty { lines.append("      \(label(.docs)) \(result.check.docs)") }
            }
        }
        let summary = GradeSummary(results)
        let percent = GradeSummary.percent(summary.earned, of: summary.possible)
        switch language {
        case .zh:
            let excused = summary.notApplicable > 0 ? "，不适用 \(summary.notApplicable)" : ""
            lines.append("得分：\(GradeSummary.points(summary.earned))/\(summary.possible)（\(percent)%），通过 \(summary.passed)，未通过 \(summary.failed)，跳过 \(summary.skipped)，出错 \(summary.errors)\(excused)")
        case .en:
            let excused = summary.notApplicable > 0 ? ", \(summary.notApplicable) not applicable" : ""
            lines.append("Score: \(GradeSummary.points(summary.earned))/\(summary.possible) (\(percent)%): \(summary.passed) passed, \(summary.failed) failed, \(summary.skipped) skipped, \(summary.errors) errors\(excused)")
        }
        return lines.joined(separator: "\n")
    }

    private enum Label { case expected, found, hint, docs }

    private func label(_ label: Label) -> String {
        switch (label, language) {
        case (.expected, .zh): return "期望："
        case (.found, .zh): return "实际："
        case (.hint, .zh): return "提示："
        case (.docs, .zh): return "文档："
        case (.expected, .en): return "expected:"
        case (.found, .en): return "found:   "
        case (.hint, .en): return "hint:    "
        case (.docs, .en): return "docs:    "
        }
    }

    private var style: TerminalStyle { TerminalStyle(colors: colors) }
}

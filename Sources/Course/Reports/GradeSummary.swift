import Foundation

/// Points over a set of check results.
public struct GradeSummary: Sendable, Equatable {
    public var earned: Double
    public var possible: Int
    public var passed: Int
    public var failed: Int
    public var skipped: Int
    public var errors: Int

    public init(_ results: [CheckResult]) {
        earned = results.reduce(0) { $0 + $1.pointsEarned }
        possible = results.reduce(0) { $0 + $1.pointsPossible }
        passed = results.filter { $0.status == .passed }.count
        failed = results.filter { $0.status == .failed }.count
        skipped = results.filter { $0.status == .skipped }.count
        errors = results.filter { $0.status == .error }.count
        notApplicable = results.filter { $0.status == .notApplicable }.count
    }

    /// Checks that need a tool this machine does not have.
    public var notApplicable: Int

    public var allPassed: Bool { failed == 0 && skipped == 0 && errors == 0 }

    /// Whole percent, rounded down so that 99.9% never reads as full marks;
    /// nothing to earn is full marks.
    public static func percent(_ earned: Double, of possible: Int) -> Int {
        possible == 0 ? 100 : Int((earned / Double(possible) * 100).rounded(.down))
    }

    /// Points as a person writes them: `2`, `1.5`.
    public static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
}

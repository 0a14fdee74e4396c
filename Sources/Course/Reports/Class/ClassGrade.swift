import Foundation

/// A class's grade: every learner of a roster against the same checks, in
/// one language. It is what every class report is rendered from, and what
/// `grades.json` holds in full, so that shards graded on different machines
/// merge into the reports one run would have written.
public struct ClassGrade: Sendable, Equatable {
    public var provenance: GradeProvenance
    /// The checks an account grade holds, in course order: the report's columns.
    public var checks: [GradedCheck]
    /// In roster order.
    public var learners: [LearnerGrade]

    public init(provenance: GradeProvenance, checks: [GradedCheck], learners: [LearnerGrade]) {
        self.provenance = provenance
        self.checks = checks
        self.learners = learners
    }

    /// The lessons in the grade, in course order.
    public var lessons: [String] {
        var seen: [String] = []
        for check in checks where !seen.contains(check.lesson) { seen.append(check.lesson) }
        return seen
    }
}

/// What a grade was made from, recorded in every report.
public struct GradeProvenance: Sendable, Equatable {
    public var ecslabVersion: String
    /// Each check file's name and the SHA-256 of its bytes (`sha256:` + hex).
    public var checkFiles: [CheckFileVersion]
    /// When grading started, ISO 8601 in UTC.
    public var gradedAt: String
    /// The region learners without one of their own were graded in.
    public var region: String
    public var language: Language
    /// The lessons graded, in course order: those `--lessons` named, or every lesson with account checks.
    public var lessons: [String]
    /// `i/n` when this grade is one shard of a roster; nil for a whole roster or a merge.
    public var shard: String?

    public init(
        ecslabVersion: String, checkFiles: [CheckFileVersion], gradedAt: String, region: String, language: Language,
        lessons: [String], shard: String? = nil
    ) {
        self.ecslabVersion = ecslabVersion
        self.checkFiles = checkFiles
        self.gradedAt = gradedAt
        self.region = region
        self.language = language
        self.lessons = lessons
        self.shard = shard
    }
}

public struct CheckFileVersion: Sendable, Equatable {
    /// As the course folder names it: `checks/04-network.yaml`.
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// One column of the grade: a check, with its title in the grade's language.
public struct GradedCheck: Sendable, Equatable {
    public var id: String
    public var lesson: String
    public var title: String
    public var points: Int

    public init(id: String, lesson: String, title: String, points: Int) {
        self.id = id
        self.lesson = lesson
        self.title = title
        self.points = points
    }
}

/// One learner's row.
public struct LearnerGrade: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case graded
        /// The account could not be read at all (a role that cannot be
        /// assumed, no access, a timeout): not a zero, and said why.
        case notGraded(reason: String)
    }

    /// The roster's `id` column.
    public var id: String
    public var name: String
    /// The row's position in the roster, from 0: what keeps merged shards in roster order.
    public var rosterIndex: Int
    /// The account id actually read (from STS), when it could be reached.
    public var account: String?
    public var region: String
    /// When this learner's grading started, ISO 8601 in UTC.
    public var gradedAt: String
    public var outcome: Outcome
    /// One per column of the grade, in the same order; empty when not graded.
    public var results: [LearnerCheckResult]
    /// The lookups and read calls grading this learner made.
    public var lookups: Int
    public var reads: Int

    public init(
        id: String, name: String, rosterIndex: Int, account: String?, region: String, gradedAt: String, outcome: Outcome,
        results: [LearnerCheckResult], lookups: Int = 0, reads: Int = 0
    ) {
        self.id = id
        self.name = name
        self.rosterIndex = rosterIndex
        self.account = account
        self.region = region
        self.gradedAt = gradedAt
        self.outcome = outcome
        self.results = results
        self.lookups = lookups
        self.reads = reads
    }

    public var isGraded: Bool { outcome == .graded }

    /// Points earned; nil when the learner was not graded.
    public var score: Double? { isGraded ? results.reduce(0) { $0 + $1.points } : nil }
    /// Points that counted: not-applicable checks count for no one.
    public var possible: Int { results.reduce(0) { $0 + $1.possible } }

    public func score(lesson: String) -> Double? {
        isGraded ? results.filter { $0.lesson == lesson }.reduce(0) { $0 + $1.points } : nil
    }

    public func possible(lesson: String) -> Int {
        results.filter { $0.lesson == lesson }.reduce(0) { $0 + $1.possible }
    }
}

/// One learner's result for one check, in the grade's language.
public struct LearnerCheckResult: Sendable, Equatable {
    public var check: String
    public var lesson: String
    public var status: CheckResult.Status
    public var points: Double
    public var possible: Int
    /// The first failing assertion's expected and found values.
    public var expected: String?
    public var found: String?
    /// What is wrong, or why the check was skipped or not applicable.
    public var message: String?
    public var hint: String?
    public var docs: String?

    public init(
        check: String, lesson: String, status: CheckResult.Status, points: Double, possible: Int, expected: String? = nil,
        found: String? = nil, message: String? = nil, hint: String? = nil, docs: String? = nil
    ) {
        self.check = check
        self.lesson = lesson
        self.status = status
        self.points = points
        self.possible = possible
        self.expected = expected
        self.found = found
        self.message = message
        self.hint = hint
        self.docs = docs
    }
}

extension LearnerCheckResult {
    /// A check result as a class report holds it.
    public init(_ result: CheckResult, language: Language) {
        let failing = result.assertions.first { !$0.passed }
        self.init(
            check: result.check.id, lesson: result.check.lesson, status: result.status, points: result.pointsEarned,
            possible: result.pointsPossible, expected: failing?.outcome?.expected[language], found: failing?.outcome?.actual[language],
            message: (result.failureMessage ?? result.reason)?[language],
            hint: result.status == .passed ? nil : result.check.hints.first?[language],
            docs: result.status == .passed ? nil : result.check.docs)
    }
}

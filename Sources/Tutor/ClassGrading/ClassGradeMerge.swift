import Course

/// `ecslab grade merge`: the shards of one roster, graded on several
/// machines, joined into the grade one run would have made. Shards must
/// come from the same ecslab, check files, lessons, language and region.
public enum ClassGradeMerge {
    public static func merge(_ shards: [(folder: String, grade: ClassGrade)], language: Language) throws -> ClassGrade {
        guard let first = shards.first else { throw CommandFailure.usage("grade merge needs at least one folder") }
        var learners: [LearnerGrade] = []
        var seen: [String: String] = [:]
        for (folder, grade) in shards {
            func refuse(_ problem: String) -> CommandFailure {
                CommandFailure.usage(TutorText.mergeMismatch(language, ["folder": folder, "problem": problem]))
            }
            let (mine, theirs) = (grade.provenance, first.grade.provenance)
            if mine.ecslabVersion != theirs.ecslabVersion { throw refuse("ecslab \(mine.ecslabVersion) graded it, not \(theirs.ecslabVersion)") }
            if mine.checkFiles != theirs.checkFiles { throw refuse("its check files differ from those of \(first.folder)") }
            if mine.lessons != theirs.lessons || grade.checks != first.grade.checks { throw refuse("it grades other lessons or checks than \(first.folder)") }
            if mine.language != theirs.language { throw refuse("it is in \(mine.language.englishName), \(first.folder) in \(theirs.language.englishName)") }
            if mine.region != theirs.region { throw refuse("it was graded in \(mine.region), \(first.folder) in \(theirs.region)") }
            for learner in grade.learners {
                if let other = seen[learner.id] { throw refuse("learner \(learner.id) is also in \(other)") }
                seen[learner.id] = folder
                learners.append(learner)
            }
        }
        var provenance = first.grade.provenance
        provenance.shard = nil
        provenance.gradedAt = shards.map(\.grade.provenance.gradedAt).min() ?? provenance.gradedAt
        return ClassGrade(provenance: provenance, checks: first.grade.checks, learners: learners.sorted { $0.rosterIndex < $1.rosterIndex })
    }
}

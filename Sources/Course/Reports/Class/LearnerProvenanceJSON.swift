import JSON

/// What a one-learner result (GitHub Classroom, Gradescope) says of where it
/// came from: that learner's account, region and time, with the class
/// grade's ecslab and check files, since the file travels without the rest
/// of the class's reports.
enum LearnerProvenanceJSON {
    static func render(_ learner: LearnerGrade, in grade: ClassGrade) -> JSONObject {
        let provenance = grade.provenance
        var object: JSONObject = [
            "learner": .string(learner.id), "account": learner.account.map(JSON.string) ?? .null, "region": .string(learner.region),
            "graded_at": .string(learner.gradedAt), "class_graded_at": .string(provenance.gradedAt),
            "ecslab": .string(provenance.ecslabVersion),
            "check_files": .array(provenance.checkFiles.map { ["path": .string($0.path), "sha256": .string($0.sha256)] }),
            "language": .string(provenance.language.rawValue), "lessons": .array(provenance.lessons.map(JSON.string)),
        ]
        if let shard = provenance.shard { object["shard"] = .string(shard) }
        return object
    }
}

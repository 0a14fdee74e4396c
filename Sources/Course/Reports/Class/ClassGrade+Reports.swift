/// What more than one class report looks up in a grade.
extension ClassGrade {
    func check(_ id: String) -> GradedCheck? {
        checks.first { $0.id == id }
    }

    /// A check file's path, found by the lesson it holds: `checks/04-network.yaml`
    /// holds lesson `network`. Nil when no file of the provenance matches.
    func checkFile(lesson: String) -> String? {
        checkFiles.first { file in
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            return name == "\(lesson).yaml" || name.hasSuffix("-\(lesson).yaml")
        }?.path
    }

    private var checkFiles: [CheckFileVersion] { provenance.checkFiles }

    public var gradedCount: Int { learners.filter(\.isGraded).count }
    public var notGradedCount: Int { learners.count - gradedCount }
}

extension CheckFileVersion {
    /// The first 12 hex digits of the hash: enough to tell two versions of a
    /// file apart by eye, short enough for a report's header.
    var shortHash: String {
        let hex = sha256.hasPrefix("sha256:") ? String(sha256.dropFirst("sha256:".count)) : sha256
        return String(hex.prefix(12))
    }
}

extension LearnerGrade.Outcome {
    /// Why the learner was not graded; nil when they were.
    public var reason: String? {
        if case .notGraded(let reason) = self { return reason }
        return nil
    }
}

extension Check {
    /// Whether the check looks at the learner's own machine (a file, an app
    /// on loopback) or their local answers (a quiz): none of that is in an
    /// AWS account, so an account grade leaves it out.
    public var readsLearnersMachine: Bool {
        switch source {
        case .reads: return false
        case .file, .quiz: return true
        case .http(let probe):
            guard let text = probe.url.json.stringValue, let host = ProbeTarget.host(of: text) else { return false }
            return ProbeTarget.isLoopback(host)
        }
    }
}

extension CourseContent {
    /// The checks of `lessons` (every lesson when empty) that grade an AWS
    /// account alone, in course order: what an instructor's class grade
    /// holds. A check that depends on one on the learner's machine is left
    /// out with it, since it would only ever be skipped.
    public func accountChecks(of lessons: [String] = []) -> [Check] {
        let chosen = lessons.isEmpty ? self.lessons.map(\.id) : lessons
        var local: Set<String> = []
        var kept: [Check] = []
        // Every lesson, in order, since a check may depend on an earlier lesson's.
        for lesson in self.lessons {
            for check in checks(of: lesson.id) {
                if check.readsLearnersMachine || check.dependsOn.contains(where: local.contains) {
                    local.insert(check.id)
                } else if chosen.contains(lesson.id) {
                    kept.append(check)
                }
            }
        }
        return kept
    }
}

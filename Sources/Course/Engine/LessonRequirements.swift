/// Which earlier lessons a learner must do before a lesson: those whose
/// saved values (`${network.vpc_id}`) the lesson uses and that are not saved
/// yet in their progress.
public enum LessonRequirements {
    /// Lessons still to do, in course order, each with the values it would save.
    public static func missing(for lesson: Lesson, in content: CourseContent, progress: LearnerProgress) -> [(lesson: Lesson, values: [String])] {
        var needed: [String: Set<String>] = [:]
        for reference in references(of: lesson, in: content) {
            guard let other = reference.lesson, other != lesson.id else { continue }
            if progress.saved[other]?[reference.name] == nil {
                needed[other, default: []].insert(reference.name)
            }
        }
        return content.lessons.compactMap { candidate in
            needed[candidate.id].map { (candidate, $0.sorted()) }
        }
    }

    /// Every `${...}` a lesson's steps and checks use.
    static func references(of lesson: Lesson, in content: CourseContent) -> [VariableReference] {
        var templates: [Template] = []
        for step in lesson.steps {
            for call in step.calls {
                templates.append(call.parameters)
                if let name = call.name { templates.append(name) }
                if let undo = call.undo { templates.append(undo.parameters) }
                if let wait = call.wait { templates.append(wait.parameters) }
                if case .after(_, let parameters) = call.tagging { templates.append(parameters) }
            }
            if case .local(let action) = step.kind {
                switch action {
                case .copy(_, let to): templates.append(to)
                case .start(_, _, let directory, let environment, let port): templates += [directory, port] + Array(environment.values)
                }
            }
        }
        for check in content.checks(of: lesson.id) {
            switch check.source {
            case .reads(let calls): templates += calls.map(\.parameters)
            case .http(let probe): templates.append(probe.url)
            case .file(let probe): templates.append(probe.path)
            case .quiz: break
            }
        }
        return templates.flatMap(\.references)
    }
}

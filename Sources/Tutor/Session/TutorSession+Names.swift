import AWS
import Course

extension TutorSession {
    /// `set NAME=VALUE`: the learner's own name for a lesson variable, kept
    /// with their progress so that every check and step uses it from now on;
    /// `set NAME=` goes back to the default, and `set` alone lists them.
    func setName(_ arguments: [String]) throws {
        let defaults = Dictionary(
            workspace.content.lessons.flatMap { $0.variables.map { ($0.name, $0.defaultValue) } }, uniquingKeysWith: { first, _ in first })
        guard let pair = arguments.first else {
            guard !workspace.progress.names.isEmpty else { return say(.namesNone) }
            for (name, value) in workspace.progress.names.sorted(by: { $0.key < $1.key }) {
                say(.nameListed, ["name": name, "value": value, "default": defaults[name] ?? (language == .zh ? "。" : ".")])
            }
            return
        }
        guard arguments.count == 1, let (name, value) = (try? VariableOverrides.parse([pair]))?.first else { return say(.nameUsage) }
        guard let standard = defaults[name] else {
            let closest = EditDistance.closest(to: name, among: defaults.keys)
            return say(.nameUnknown, ["name": name, "suggestion": closest.map { language == .zh ? "；你是说 \($0) 吗？" : "; did you mean \($0)?" } ?? (language == .zh ? "。" : ".")])
        }
        if value.isEmpty || value == standard {
            workspace.progress.names[name] = nil
            say(.nameCleared, ["name": name, "default": standard])
        } else {
            workspace.progress.names[name] = value
            say(.nameSet, ["name": name, "value": value, "default": standard])
        }
        try workspace.saveProgress()
    }
}

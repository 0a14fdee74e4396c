import AWS
import Course
import Terminal

/// What Tab offers at the tutor's prompt: its commands, then the lessons,
/// the current lesson's steps, and `call`'s services and operations.
public struct TutorCompletion: Sendable {
    public var lessons: [String]
    public var steps: [String: [String]]
    public var currentLesson: String?
    public var services: [String]
    /// A service's operations, looked up only when asked, since loading a
    /// service model is the slow part.
    public var operations: @Sendable (String) -> [String]

    public init(
        lessons: [String], steps: [String: [String]], currentLesson: String?, services: [String] = ServiceModel.serviceNames,
        operations: @escaping @Sendable (String) -> [String] = { service in
            ((try? ServiceModel.named(service))?.operations.keys).map { Array($0) } ?? []
        }
    ) {
        self.lessons = lessons
        self.steps = steps
        self.currentLesson = currentLesson
        self.services = services
        self.operations = operations
    }

    public init(content: CourseContent, currentLesson: String?) {
        self.init(
            lessons: content.lessons.map(\.id), steps: Dictionary(uniqueKeysWithValues: content.lessons.map { ($0.id, $0.steps.map(\.id)) }),
            currentLesson: currentLesson)
    }

    public var source: CompletionSource {
        let commands = TutorCommandName.allCases.map(\.rawValue)
        let completion = self
        return CompletionSource(commands: commands) { words in
            guard let first = words.first, let command = TutorCommandName(word: first) else { return [] }
            switch (command, words.count) {
            case (.help, 1): return commands
            case (.start, 1): return completion.lessons
            case (.show, 1), (.do, 1): return completion.currentLesson.flatMap { completion.steps[$0] } ?? []
            case (.check, 1), (.cleanup, 1): return ["all"] + completion.lessons
            case (.lang, 1): return ["en", "zh"]
            case (.draw, 1): return AccountDrawing.Subject.allCases.map(\.rawValue)
            case (.script, 1): return completion.lessons
            case (.call, 1): return completion.services
            case (.call, 2): return completion.operations(words[1])
            default: return []
            }
        }
    }
}

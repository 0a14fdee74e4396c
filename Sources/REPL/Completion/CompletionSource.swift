/// What tab completion can offer: the commands, the course's lessons and
/// their steps, and `call`'s services and their operations.
public struct CompletionSource: Sendable {
    public var lessons: [String]
    public var steps: [String: [String]]
    public var currentLesson: String?
    public var services: [String]
    /// A service's operations, looked up only when asked, since loading a
    /// service model is the slow part.
    public var operations: @Sendable (String) -> [String]

    public init(
        lessons: [String] = [], steps: [String: [String]] = [:], currentLesson: String? = nil, services: [String] = [],
        operations: @escaping @Sendable (String) -> [String] = { _ in [] }
    ) {
        self.lessons = lessons
        self.steps = steps
        self.currentLesson = currentLesson
        self.services = services
        self.operations = operations
    }
}

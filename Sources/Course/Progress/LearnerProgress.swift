import Foundation
import JSON

/// A learner's progress in one account and region: where they are, what is
/// done, their quiz answers, the hints they used, and the values earlier
/// steps saved (resource ids that later lessons build on).
public struct LearnerProgress: Sendable, Equatable {
    public var currentLesson: String?
    public var currentStep: String?
    /// Lesson id to the ids of its completed steps.
    public var completed: [String: [String]] = [:]
    /// `lesson/step` to the chosen answer, from 0.
    public var quizAnswers: [String: Int] = [:]
    /// Check id to how many hint tiers were shown.
    public var hintsUsed: [String: Int] = [:]
    /// Lesson id to its saved values.
    public var saved: [String: JSONObject] = [:]
    /// Lesson id to the steps whose resources a teardown step deleted on
    /// purpose: `do` does not make them again.
    public var tornDown: [String: [String]] = [:]
    /// Checks that passed before a teardown step deleted what they check.
    public var recordedPasses: Set<String> = []
    /// The names the learner chose in place of the lessons' defaults
    /// (`set vpc_name=my-vpc` in the tutor), by variable.
    public var names: [String: String] = [:]

    public init() {}

    public func isCompleted(lesson: String, step: String) -> Bool {
        completed[lesson]?.contains(step) ?? false
    }

    public mutating func complete(lesson: String, step: String) {
        if !isCompleted(lesson: lesson, step: step) {
            completed[lesson, default: []].append(step)
        }
    }

    public mutating func save(_ value: JSON, as name: String, lesson: String) {
        saved[lesson, default: JSONObject()][name] = value
    }

    var json: JSON {
        var object = JSONObject()
        object["version"] = 1
        object["lesson"] = currentLesson.map(JSON.string) ?? .null
        object["step"] = currentStep.map(JSON.string) ?? .null
        object["completed"] = .object(JSONObject(completed.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSON.string))) }))
        object["quiz"] = .object(JSONObject(quizAnswers.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) }))
        object["hints"] = .object(JSONObject(hintsUsed.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) }))
        object["saved"] = .object(JSONObject(saved.sorted { $0.key < $1.key }.map { ($0.key, .object($0.value)) }))
        object["torn-down"] = .object(JSONObject(tornDown.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSON.string))) }))
        object["recorded-passes"] = .array(recordedPasses.sorted().map(JSON.string))
        object["names"] = .object(JSONObject(names.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        return .object(object)
    }

    init(json: JSON) {
        currentLesson = json["lesson"]?.stringValue
        currentStep = json["step"]?.stringValue
        for (lesson, steps) in json["completed"]?.objectValue ?? JSONObject() {
            completed[lesson] = steps.arrayValue?.compactMap(\.stringValue) ?? []
        }
        for (key, value) in json["quiz"]?.objectValue ?? JSONObject() {
            quizAnswers[key] = value.intValue
        }
        for (key, value) in json["hints"]?.objectValue ?? JSONObject() {
            hintsUsed[key] = value.intValue
        }
        for (lesson, values) in json["saved"]?.objectValue ?? JSONObject() {
            saved[lesson] = values.objectValue
        }
        for (lesson, steps) in json["torn-down"]?.objectValue ?? JSONObject() {
            tornDown[lesson] = steps.arrayValue?.compactMap(\.stringValue) ?? []
        }
        recordedPasses = Set(json["recorded-passes"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        for (name, value) in json["names"]?.objectValue ?? JSONObject() {
            names[name] = value.stringValue
        }
    }
}

/// Reads and writes `LearnerProgress` under the state directory, one file per
/// account and region. Writes go to a temporary file renamed over the old
/// one, so a crash never leaves half a file.
public struct ProgressStore: Sendable {
    public let file: URL

    public init(file: URL) {
        self.file = file
    }

    public init(state: StateDirectory, account: String, region: String) throws {
        self.init(file: try state.folder("progress").appendingPathComponent("\(account)-\(region).json"))
    }

    /// Whether the learner has any progress here: without it, nothing they
    /// answered on their own machine (quizzes) can be graded.
    public var exists: Bool { FileManager.default.fileExists(atPath: file.path) }

    public func load() throws -> LearnerProgress {
        guard let data = FileManager.default.contents(atPath: file.path) else { return LearnerProgress() }
        do {
            return LearnerProgress(json: try JSON(parsing: data))
        } catch {
            throw ProgressError.corrupt(file.path, error.description)
        }
    }

    public func save(_ progress: LearnerProgress) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        let bytes = Array((progress.json.formatted(JSONFormat(indent: 2)) + "\n").utf8)
        // Written and flushed before the rename, so a full disk or a crash
        // leaves the old file whole; what did not fit is removed, not left behind.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ProgressError.cannotWrite(file.path, StateFileProblem(code: errno)) }
        var sent = 0
        var failure: Int32?
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress, buffer.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                failure = written == 0 ? ENOSPC : errno
                break
            }
            sent += written
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == nil, rename(temporary.path, file.path) != 0 { failure = errno }
        if let failure {
            unlink(temporary.path)
            throw ProgressError.cannotWrite(file.path, StateFileProblem(code: failure))
        }
    }

    /// Forgets everything, keeping nothing behind.
    public func reset() throws {
        if FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.removeItem(at: file)
        }
    }
}

public enum ProgressError: Error, Sendable, Equatable, CustomStringConvertible {
    case corrupt(String, String)
    case cannotWrite(String, StateFileProblem)

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            return "The progress file \(path) is damaged (\(detail)). Move it away to start over; nothing in AWS is affected."
        case .cannotWrite(let path, let problem):
            return "Cannot save progress to \(path): \(problem.reason); \(problem.advice)."
        }
    }
}

import Foundation

/// The simulated tasks of one sandbox server, in its state folder, so a task
/// started by one command is still probed and stopped by the next.
public struct SimulatedTaskStore: Sendable {
    public let file: URL
    let lock: RecordLock

    public init(folder: URL, serverPID: Int32) {
        file = folder.appendingPathComponent("tasks-\(serverPID).json")
        lock = RecordLock(path: folder.appendingPathComponent("tasks-\(serverPID).lock").path)
    }

    public func load() -> [SimulatedTask] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        return (try? JSONDecoder().decode([SimulatedTask].self, from: data)) ?? []
    }

    func save(_ tasks: [SimulatedTask]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(tasks).write(to: file, options: .atomic)
    }

    func update(_ body: (inout [SimulatedTask]) async throws -> Void) async throws {
        try await lock.withLock {
            var tasks = load()
            try await body(&tasks)
            try save(tasks)
        }
    }

    /// Where a task's local process writes its output.
    static func log(of task: SimulatedTask, in folder: URL) -> URL {
        folder.appendingPathComponent("task-\(task.taskID).log")
    }

    /// Ends every local stand-in and forgets them (the server is going away).
    public func stopAll() {
        for task in load() {
            if let pid = task.pid { ChildProcess(pid: pid).stop() }
            try? FileManager.default.removeItem(at: Self.log(of: task, in: file.deletingLastPathComponent()))
        }
        try? FileManager.default.removeItem(at: file)
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: lock.path))
    }
}

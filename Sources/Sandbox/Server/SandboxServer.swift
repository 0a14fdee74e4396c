import AWS
import Course
import Foundation

/// The moto server of one state directory: started on a free loopback port,
/// remembered in `sandbox/server.json`, found again by later commands, and
/// replaced when its record is stale. Separate state directories never share
/// a server.
public struct SandboxServer: Sendable {
    public let folder: URL

    public init(state: StateDirectory) throws {
        do {
            folder = try state.folder("sandbox")
        } catch {
            throw SandboxError.stateFolder(error.localizedDescription)
        }
    }

    var recordURL: URL { folder.appendingPathComponent("server.json") }
    var logURL: URL { folder.appendingPathComponent("moto.log") }
    var lock: RecordLock { RecordLock(path: folder.appendingPathComponent("server.lock").path) }

    /// The record as written, whether or not its server still runs.
    public func storedRecord() -> SandboxRecord? {
        SandboxRecord.read(from: recordURL)
    }

    /// The recorded server, if its process lives and its port answers.
    public func running() -> SandboxRecord? {
        guard let record = storedRecord() else { return nil }
        return Self.isServing(record) ? record : nil
    }

    static func isServing(_ record: SandboxRecord) -> Bool {
        ChildProcess(pid: record.pid).isAlive && LoopbackPort.accepts(record.port)
    }

    /// What `start` found or did.
    public enum Outcome: Sendable, Equatable {
        case alreadyRunning(SandboxRecord)
        case started(SandboxRecord, replacedStale: SandboxRecord?)

        public var record: SandboxRecord {
            switch self {
            case .alreadyRunning(let record), .started(let record, _): return record
            }
        }
    }

    /// Starts a long-lived server for this state directory unless one runs.
    public func start(venv: VirtualEnvironment, appFolder: String?) async throws -> Outcome {
        try await lock.withLock {
            let stored = storedRecord()
            if let stored, Self.isServing(stored) { return .alreadyRunning(stored) }
            if let stored { Self.end(stored) }
            let record = try await Self.launch(venv: venv, log: logURL, appFolder: appFolder, detachment: .daemon)
            do {
                try record.write(to: recordURL)
            } catch {
                ChildProcess(pid: record.pid).stop()
                throw SandboxError.stateFolder("cannot write \(recordURL.path): \(error.localizedDescription)")
            }
            return .started(record, replacedStale: stored)
        }
    }

    /// Where a command that started a server for itself remembers it: if
    /// the command dies without stopping it (a crash, SIGKILL), a later
    /// command in the same state directory does.
    static func ownedFiles(in folder: URL, owner: Int32) -> (record: URL, log: URL) {
        (folder.appendingPathComponent("own-\(owner).json"), folder.appendingPathComponent("moto-\(owner).log"))
    }

    /// Ends the servers (and simulated containers) of commands that are gone.
    /// A record whose command still runs, or whose pid no longer belongs to
    /// a moto server, ends nothing.
    public func reapOrphans() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("own-") && name.hasSuffix(".json") {
            guard let owner = Int32(name.dropFirst("own-".count).dropLast(".json".count)),
                owner != getpid(), !ChildProcess(pid: owner).isAlive
            else { continue }
            let files = Self.ownedFiles(in: folder, owner: owner)
            if let record = SandboxRecord.read(from: files.record) {
                SimulatedTaskStore(folder: folder, serverPID: record.pid).stopAll()
                Self.end(record)
            }
            try? FileManager.default.removeItem(at: files.record)
            try? FileManager.default.removeItem(at: files.log)
        }
    }

    /// Stops the recorded server (and the simulated containers it ran);
    /// returns the record that was there.
    @discardableResult
    public func stop() async throws -> SandboxRecord? {
        try await lock.withLock {
            guard let stored = storedRecord() else { return nil }
            Self.end(stored)
            SimulatedTaskStore(folder: folder, serverPID: stored.pid).stopAll()
            try? FileManager.default.removeItem(at: recordURL)
            return stored
        }
    }

    /// Kills a recorded pid only if it still is a moto server: after a reboot
    /// the number may belong to anyone.
    static func end(_ record: SandboxRecord) {
        let process = ChildProcess(pid: record.pid)
        if process.isAlive && process.commandLine.contains("moto_server") { process.stop() }
    }

    /// Runs moto on a free loopback port and waits until it answers; a port
    /// taken between choosing and binding gets a second try on another one.
    static func launch(venv: VirtualEnvironment, log: URL, appFolder: String?, detachment: ChildProcess.Detachment) async throws -> SandboxRecord {
        var lastError: SandboxError?
        for _ in 0..<3 {
            guard let port = LoopbackPort.free() else { continue }
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
            environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
            let process = try ChildProcess.spawn(
                venv.motoServer.path, arguments: ["-H", "127.0.0.1", "-p", String(port)], environment: environment,
                directory: nil, log: log.path, detachment: detachment)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isAlive, !LoopbackPort.accepts(port) {
                try await Task.sleep(for: .milliseconds(100))
            }
            if process.isAlive && LoopbackPort.accepts(port) {
                let record = SandboxRecord(
                    url: "http://127.0.0.1:\(port)", port: port, pid: process.pid, startedAt: Date(), appFolder: appFolder)
                do {
                    try await MotoControl(url: record.url).makeTaskStatesDeterministic()
                    return record
                } catch {
                    process.stop()
                    lastError = .serverDidNotStart(port: port, logTail: "\(error)")
                    continue
                }
            }
            process.stop()
            lastError = .serverDidNotStart(port: port, logTail: tail(of: log))
        }
        throw lastError ?? .serverDidNotStart(port: 0, logTail: "no free loopback port")
    }

    static func tail(of log: URL) -> String {
        guard let data = FileManager.default.contents(atPath: log.path) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return lines.suffix(2).joined(separator: " / ")
    }
}

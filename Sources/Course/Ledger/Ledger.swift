import Foundation
import JSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The append-only journal of what the tutor created in one account and
/// region: one JSON object a line, each written and flushed to disk before
/// the next step, so that a crash at any point loses nothing that happened.
public struct Ledger: Sendable {
    public let file: URL

    public init(file: URL) {
        self.file = file
    }

    /// The ledger of `account` in `region`, under the state directory.
    public init(state: StateDirectory, account: String, region: String) throws {
        let folder = try state.folder("ledger")
        self.init(file: folder.appendingPathComponent("\(account)-\(region).jsonl"))
    }

    public func append(_ event: LedgerEvent) throws {
        let line = Array((event.json.text + "\n").utf8)
        // O_APPEND makes each line one atomic write; mode 0600 because the
        // journal names an account's resources. Read access is for the last byte.
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LedgerError.cannotWrite(file.path, StateFileProblem(code: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LedgerError.cannotWrite(file.path, StateFileProblem(code: errno)) }
        let size = status.st_size
        // A line torn by a crash or a full disk has no newline: glued to it,
        // this line would be unreadable too, and what it records lost.
        var bytes = line
        var last: UInt8 = 0
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") {
            bytes.insert(UInt8(ascii: "\n"), at: 0)
        }
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress, buffer.count) }
            if written < 0, errno == EINTR { continue }
            // A short write says nothing; the next one fails with the reason.
            guard written > 0 else { throw abandon(descriptor, from: size, written: sent, code: written == 0 ? ENOSPC : errno) }
            sent += written
        }
        guard fsync(descriptor) == 0 else { throw abandon(descriptor, from: size, written: sent, code: errno) }
    }

    /// Takes back the part of a line a failed append left, unless another
    /// process has appended since (its lines matter more than a clean end).
    private func abandon(_ descriptor: Int32, from size: off_t, written: Int, code: Int32) -> LedgerError {
        var status = stat()
        if written > 0, fstat(descriptor, &status) == 0, status.st_size == size + off_t(written) {
            _ = ftruncate(descriptor, size)
        }
        return .cannotWrite(file.path, StateFileProblem(code: code))
    }

    /// Every event in the order written. A torn last line (a crash mid-write)
    /// is skipped, not fatal.
    public func events() throws -> [LedgerEvent] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw LedgerError.cannotRead(file.path)
        }
        var events: [LedgerEvent] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let json = try? JSON(parsing: line), let event = LedgerEvent(json: json) {
                events.append(event)
            }
        }
        return events
    }

    /// The entries, oldest first, folded from their events.
    public func entries() throws -> [LedgerEntry] {
        var order: [String] = []
        var entries: [String: LedgerEntry] = [:]
        for event in try events() {
            if var entry = entries[event.id] {
                for (key, value) in event.fields { entry.fields[key] = value }
                switch event.kind {
                case .intent: break
                case .created: entry.state = .created
                case .failed: entry.state = .failed
                case .deleted: entry.state = .deleted
                }
                entries[event.id] = entry
            } else {
                guard event.kind == .intent else { continue }
                order.append(event.id)
                entries[event.id] = LedgerEntry(
                    id: event.id, state: .pending, lesson: event.fields["lesson"]?.stringValue ?? "",
                    step: event.fields["step"]?.stringValue ?? "", operation: event.fields["call"]?.stringValue ?? "",
                    createdAt: event.time, fields: event.fields)
            }
        }
        return order.compactMap { entries[$0] }
    }

    /// What still exists (or may): created and pending entries.
    public func live(lesson: String? = nil) throws -> [LedgerEntry] {
        try entries().filter { entry in
            (entry.state == .created || entry.state == .pending) && (lesson == nil || entry.lesson == lesson)
        }
    }
}

public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(String, StateFileProblem)
    case cannotRead(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let problem):
            return "Cannot write the ledger \(path): \(problem.reason); \(problem.advice)."
        case .cannotRead(let path):
            return "Cannot read the ledger \(path). Check its permissions."
        }
    }
}

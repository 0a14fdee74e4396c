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
        let line = event.json.text + "\n"
        // O_APPEND makes each line one atomic write; mode 0600 because the
        // journal names an account's resources.
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LedgerError.cannotWrite(file.path, errno: errno) }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress, buffer.count)
        }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw LedgerError.cannotWrite(file.path, errno: errno)
        }
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
    case cannotWrite(String, errno: Int32)
    case cannotRead(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let code):
            return "Cannot write the ledger \(path): \(String(cString: strerror(code))). Check that the folder is writable."
        case .cannotRead(let path):
            return "Cannot read the ledger \(path). Check its permissions."
        }
    }
}

import Foundation
import JSON

/// What the ledger knows of one create call, folded from its events.
public struct LedgerEntry: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Sent, or about to be, with no result written: the process may have
        /// died in between, so the resource may or may not exist.
        case pending
        case created
        case failed
        case deleted
    }

    public var id: String
    public var state: State
    public var lesson: String
    public var step: String
    public var operation: String
    public var createdAt: Date
    /// Every field of every event, the later overriding the earlier.
    public var fields: JSONObject

    /// The undo call recorded with the result: `{call, params}` fully resolved.
    public var undo: JSON? { fields["undo"] }
    public var usdPerHour: Double { fields["usd-per-hour"]?.doubleValue ?? 0 }
    public var saved: JSONObject { fields["saved"]?.objectValue ?? JSONObject() }
    public var clientToken: String? { fields["client-token"]?.stringValue }
    /// The tags the resource was created with, to find it again after a crash.
    public var tags: JSONObject { fields["tags"]?.objectValue ?? JSONObject() }
    /// A program started on this machine (the app): its pid, and what its
    /// command line holds, so that only that program is ever stopped.
    public var localProcess: (pid: Int32, match: String)? {
        guard let undo, undo["local"]?.stringValue == "stop", let pid = undo["pid"]?.intValue else { return nil }
        return (Int32(pid), undo["match"]?.stringValue ?? "")
    }
}

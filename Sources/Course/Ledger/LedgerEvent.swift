import Foundation
import JSON

/// One line of the ledger's journal. A create call writes `intent` before it
/// is sent and `created` or `failed` after; teardown writes `deleted`.
public struct LedgerEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case intent, created, failed, deleted
    }

    public var kind: Kind
    /// Ties the events of one create call together.
    public var id: String
    public var time: Date
    public var fields: JSONObject

    public init(_ kind: Kind, id: String, time: Date = Date(), fields: JSONObject = JSONObject()) {
        self.kind = kind
        self.id = id
        self.time = time
        self.fields = fields
    }

    var json: JSON {
        var object = JSONObject()
        object["event"] = .string(kind.rawValue)
        object["id"] = .string(id)
        object["time"] = .string(LedgerEvent.timeFormat.string(from: time))
        for (key, value) in fields { object[key] = value }
        return .object(object)
    }

    init?(json: JSON) {
        guard let kind = json["event"]?.stringValue.flatMap(Kind.init(rawValue:)),
            let id = json["id"]?.stringValue,
            let time = json["time"]?.stringValue.flatMap(LedgerEvent.timeFormat.date(from:)),
            var fields = json.objectValue
        else { return nil }
        for key in ["event", "id", "time"] { fields[key] = nil }
        self.init(kind, id: id, time: time, fields: fields)
    }

    static var timeFormat: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}

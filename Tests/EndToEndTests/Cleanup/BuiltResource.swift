import Foundation

/// One resource a builder made (builders/lookalikes.py, builders/expiring.py)
/// and survivors.py checks again: enough to find it without its tags.
struct BuiltResource: Codable, Sendable, Hashable {
    var region: String
    var kind: String
    var id: String
    var name: String?
    /// lookalikes.py: whether it is another learner's, with the course tags.
    var otherLearner: Bool?
    /// expiring.py: "past", "future" or "none".
    var expiry: String?
    var owner: String?

    var line: String { "\(region) \(kind) \(id)\(name.map { " (\($0))" } ?? "")\(expiry.map { " expiry=\($0)" } ?? "")" }

    static func list(_ json: String) throws -> [BuiltResource] {
        try JSONDecoder().decode([BuiltResource].self, from: Data(json.utf8))
    }

    /// The list as survivors.py reads it on standard input.
    static func json(_ resources: [BuiltResource]) throws -> String {
        String(decoding: try JSONEncoder().encode(resources), as: UTF8.self)
    }

    static func describe(_ resources: [BuiltResource]) -> String {
        resources.isEmpty ? "(none)" : resources.map { "  " + $0.line }.joined(separator: "\n")
    }
}

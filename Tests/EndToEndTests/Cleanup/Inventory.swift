import Foundation

/// What builders/inventory.py found: everything in the account that carries
/// `ecslab:course=ecslab` and still exists, in the regions asked for and in
/// IAM (region "global").
struct Inventory: Decodable, Sendable {
    struct Resource: Decodable, Sendable, Hashable {
        var region: String
        var service: String
        var type: String
        var id: String
        var arn: String
        var tags: [String: String]
        var via: String

        var owner: String? { tags["ecslab:owner"] }
        var expiresAt: String? { tags["ecslab:expires-at"] }

        /// One line, for a failure message: what it is and why it counted.
        var line: String { "\(region) \(service):\(type) \(id) owner=\(owner ?? "-") expires=\(expiresAt ?? "-") (\(via))" }
    }

    var account: String
    var regions: [String]
    var resources: [Resource]

    /// The learner's own resources. Schedules carry no tags (the timer's
    /// group makes them ours), so they count as everyone's and as the
    /// learner's: in these tests' accounts, only ecslab makes any.
    func owned(by owner: String) -> [Resource] {
        resources.filter { $0.owner == owner || $0.type == "schedule" }
    }

    func others(than owner: String) -> [Resource] {
        resources.filter { $0.owner != owner && $0.type != "schedule" }
    }

    static func describe(_ resources: [Resource]) -> String {
        resources.isEmpty ? "(none)" : resources.map { "  " + $0.line }.joined(separator: "\n")
    }
}

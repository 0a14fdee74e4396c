import AWS
import Course
import Foundation
import JSON

/// moto makes a NAT gateway `available` the moment it is created; AWS takes
/// a minute or more, and the course teaches the learner to wait for it. The
/// sandbox shows a new NAT gateway as `pending` for `seconds` after its
/// creation time (a shortened wait, announced as simulated).
struct NatGatewayProvisioning: Sendable {
    let seconds: Double
    let notices: SandboxNotices
    var now: @Sendable () -> Date = { Date() }

    /// The variable that sets `seconds`; 0 turns the simulation off.
    static let variable = "ECSLAB_SANDBOX_NAT_SECONDS"
    static let defaultSeconds = 10.0

    static func seconds(_ environment: [String: String]) -> Double {
        environment[variable].flatMap { Double($0) }.map { max(0, $0) } ?? defaultSeconds
    }

    /// The request moto sees: a `state` filter is taken off, to be applied
    /// to the states the sandbox shows instead of the ones moto keeps.
    func request(_ input: JSON) -> (request: JSON, states: Set<String>?) {
        guard seconds > 0, var request = input.objectValue, let filters = request["Filter"]?.arrayValue else { return (input, nil) }
        var states: Set<String>?
        let kept = filters.filter { filter in
            guard filter["Name"]?.stringValue == "state" else { return true }
            states = Set(filter["Values"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            return false
        }
        request["Filter"] = kept.isEmpty ? nil : .array(kept)
        return (.object(request), states)
    }

    /// A created gateway starts pending.
    func created(_ result: JSON) -> JSON {
        guard seconds > 0, var object = result.objectValue, var gateway = object["NatGateway"]?.objectValue else { return result }
        gateway["State"] = "pending"
        object["NatGateway"] = .object(gateway)
        let id = gateway["NatGatewayId"]?.stringValue ?? "?"
        notices.simulated(
            zh: "NAT 网关 \(id) 先处于 pending 状态 \(Self.show(seconds)) 秒，然后才可用（在 AWS 上通常要一两分钟）",
            en: "NAT gateway \(id) is pending for \(Self.show(seconds)) s before it is available (on AWS this takes a minute or two)")
        return .object(object)
    }

    /// Gateways younger than `seconds` show as pending; `states` filters after.
    func described(_ result: JSON, states: Set<String>?) -> JSON {
        guard seconds > 0, var object = result.objectValue, let gateways = object["NatGateways"]?.arrayValue else { return result }
        let shown = gateways.map(pendingWhileYoung).filter { gateway in
            states.map { $0.contains(gateway["State"]?.stringValue ?? "") } ?? true
        }
        object["NatGateways"] = .array(shown)
        return .object(object)
    }

    private func pendingWhileYoung(_ gateway: JSON) -> JSON {
        guard var object = gateway.objectValue, object["State"]?.stringValue == "available",
            let created = object["CreateTime"].flatMap(AWSTimestamp.init)?.date, now().timeIntervalSince(created) < seconds
        else { return gateway }
        object["State"] = "pending"
        return .object(object)
    }

    static func show(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
    }
}

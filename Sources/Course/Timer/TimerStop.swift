import Foundation
import JSON

/// One thing the timer in the learner's account does: a one-time
/// EventBridge Scheduler schedule whose universal target calls AWS's own
/// API for the resource (force-delete the group, delete the gateway, stop
/// the task), so the bill is guarded with the learner's laptop closed.
public struct TimerStop: Sendable, Equatable {
    /// `arn:aws:scheduler:::aws-sdk:ec2:deleteNatGateway`.
    public var target: String
    /// The API call's input, in the SDK's member names.
    public var input: JSON
    /// How long after the resource's expiry it runs: the Elastic IP goes
    /// once its NAT gateway has had time to go.
    public var afterExpirySeconds: Double
    /// What it does, as the tutor says it.
    public var what: LocalizedText
    /// The resource it guards, for cleanup to remove the schedule with it.
    public var guards: ResourceIdentity

    /// What a costly create call gets, from its operation, input and answer.
    public static func stops(for operation: OperationName, input: JSON, response: JSON, name: String) -> [TimerStop] {
        func universal(_ service: String, _ action: String) -> String { "arn:aws:scheduler:::aws-sdk:\(service):\(action)" }
        switch operation.description {
        case "autoscaling:CreateAutoScalingGroup":
            guard let group = input["AutoScalingGroupName"]?.stringValue else { return [] }
            return [
                TimerStop(
                    target: universal("autoscaling", "deleteAutoScalingGroup"), input: ["AutoScalingGroupName": .string(group), "ForceDelete": true],
                    afterExpirySeconds: 0,
                    what: LocalizedText(zh: "强制删除 Auto Scaling 组 \(group)（连同它的实例）", en: "force-delete the Auto Scaling group \(group) with its instances"),
                    guards: ResourceIdentity(kind: .autoScalingGroup, id: group))
            ]
        case "ec2:CreateNatGateway":
            guard let gateway = response["NatGateway"]?["NatGatewayId"]?.stringValue else { return [] }
            var stops = [
                TimerStop(
                    target: universal("ec2", "deleteNatGateway"), input: ["NatGatewayId": .string(gateway)], afterExpirySeconds: 0,
                    what: LocalizedText(zh: "删除 NAT 网关 \(name)（\(gateway)）", en: "delete the NAT gateway \(name) (\(gateway))"),
                    guards: ResourceIdentity(kind: .natGateway, id: gateway))
            ]
            if let allocation = input["AllocationId"]?.stringValue {
                stops.append(
                    TimerStop(
                        target: universal("ec2", "releaseAddress"), input: ["AllocationId": .string(allocation)], afterExpirySeconds: 15 * 60,
                        what: LocalizedText(zh: "释放它的弹性 IP \(allocation)", en: "release its Elastic IP \(allocation)"),
                        guards: ResourceIdentity(kind: .elasticIP, id: allocation)))
            }
            return stops
        case "ecs:RunTask":
            let cluster = input["cluster"]?.stringValue ?? "default"
            return (response["tasks"]?.arrayValue ?? []).compactMap { $0["taskArn"]?.stringValue }.map { task in
                TimerStop(
                    target: universal("ecs", "stopTask"),
                    input: ["Cluster": .string(cluster), "Task": .string(task), "Reason": "ecslab timer: the task expired"], afterExpirySeconds: 0,
                    what: LocalizedText(zh: "停止任务 \(ARNName.last(task))", en: "stop the task \(ARNName.last(task))"),
                    guards: ResourceIdentity(kind: .task, id: task, context: ["cluster": ResourceIdentity.lastPart(cluster)]))
            }
        default:
            return []
        }
    }
}

/// The last part of an ARN, for saying a task's id.
enum ARNName {
    static func last(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}

import AWS
import Course
import Foundation
import JSON

/// What the ECS agent on an EC2 instance does, which moto has no agent for:
/// instances an Auto Scaling group launches for a cluster's capacity provider
/// register themselves as container instances of that cluster with their
/// instance identity document, and leave when they are terminated.
public struct ContainerAgentSimulator: Sendable {
    let notices: SandboxNotices

    public init(notices: SandboxNotices) {
        self.notices = notices
    }

    /// The number of registrations and deregistrations made.
    @discardableResult
    public func sync(_ api: any AccountAPI) async throws -> (registered: Int, deregistered: Int) {
        let clusterArns = try await api.paginate(OperationName(service: "ecs", operation: "ListClusters"), input: [:])["clusterArns"]?
            .arrayValue ?? []
        guard !clusterArns.isEmpty else { return (0, 0) }
        let clusters = try await api.call(
            OperationName(service: "ecs", operation: "DescribeClusters"), input: ["clusters": .array(clusterArns)])
        var names: Set<String> = []
        for cluster in clusters["clusters"]?.arrayValue ?? [] {
            for name in cluster["capacityProviders"]?.arrayValue ?? [] {
                if let name = name.stringValue, !name.hasPrefix("FARGATE") { names.insert(name) }
            }
        }
        guard !names.isEmpty else { return (0, 0) }
        // Named: moto 5.2.5 answers a server error to a DescribeCapacityProviders without names.
        let providers = try await api.call(
            OperationName(service: "ecs", operation: "DescribeCapacityProviders"),
            input: ["capacityProviders": .array(names.sorted().map { .string($0) })])
        var groupOfProvider: [String: String] = [:]
        for provider in providers["capacityProviders"]?.arrayValue ?? [] {
            guard let name = provider["name"]?.stringValue,
                let arn = provider["autoScalingGroupProvider"]?["autoScalingGroupArn"]?.stringValue
            else { continue }
            // The ARN ends in autoScalingGroupName/NAME; some callers pass the bare name.
            groupOfProvider[name] = ARN(arn)?.lastName ?? arn
        }
        guard !groupOfProvider.isEmpty else { return (0, 0) }
        var registered = 0
        var deregistered = 0
        for cluster in clusters["clusters"]?.arrayValue ?? [] {
            guard let clusterArn = cluster["clusterArn"]?.stringValue else { continue }
            let groups = (cluster["capacityProviders"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { groupOfProvider[$0] } }
            let instances = try await groupInstances(groups, api: api)
            let current = try await containerInstances(of: clusterArn, api: api)
            for instance in instances where current[instance.id] == nil {
                try await register(instance, in: clusterArn, api: api)
                registered += 1
            }
            let wanted = Set(instances.map(\.id))
            for (instanceID, containerInstanceArn) in current where !wanted.contains(instanceID) {
                _ = try await api.call(
                    OperationName(service: "ecs", operation: "DeregisterContainerInstance"),
                    input: ["cluster": .string(clusterArn), "containerInstance": .string(containerInstanceArn), "force": true])
                notices.simulated(
                    zh: "\(instanceID) 的 ECS 代理已把它从 \(Self.name(of: clusterArn)) 注销（实例已不存在）",
                    en: "the ECS agent of \(instanceID) deregistered it from \(Self.name(of: clusterArn)) (instance gone)")
                deregistered += 1
            }
        }
        return (registered, deregistered)
    }

    struct GroupInstance {
        var id: String
        var zone: String
        var type: String
        var image: String
        var privateIp: String
    }

    /// The in-service instances of the groups, with what EC2 says of each.
    private func groupInstances(_ groups: [String], api: any AccountAPI) async throws -> [GroupInstance] {
        guard !groups.isEmpty else { return [] }
        let described = try await api.paginate(
            OperationName(service: "autoscaling", operation: "DescribeAutoScalingGroups"),
            input: ["AutoScalingGroupNames": .array(groups.map { .string($0) })])
        var ids: [String] = []
        for group in described["AutoScalingGroups"]?.arrayValue ?? [] {
            for instance in group["Instances"]?.arrayValue ?? [] {
                let state = instance["LifecycleState"]?.stringValue ?? ""
                if let id = instance["InstanceId"]?.stringValue, state == "InService" || state == "Pending" { ids.append(id) }
            }
        }
        guard !ids.isEmpty else { return [] }
        let reservations = try await api.paginate(
            OperationName(service: "ec2", operation: "DescribeInstances"), input: ["InstanceIds": .array(ids.map { .string($0) })])
        var found: [GroupInstance] = []
        for reservation in reservations["Reservations"]?.arrayValue ?? [] {
            for instance in reservation["Instances"]?.arrayValue ?? [] {
                guard let id = instance["InstanceId"]?.stringValue, instance["State"]?["Name"]?.stringValue == "running" else { continue }
                found.append(
                    GroupInstance(
                        id: id, zone: instance["Placement"]?["AvailabilityZone"]?.stringValue ?? "",
                        type: instance["InstanceType"]?.stringValue ?? "", image: instance["ImageId"]?.stringValue ?? "",
                        privateIp: instance["PrivateIpAddress"]?.stringValue ?? ""))
            }
        }
        return found
    }

    /// EC2 instance id -> container instance ARN, for the cluster.
    private func containerInstances(of cluster: String, api: any AccountAPI) async throws -> [String: String] {
        let listed = try await api.paginate(
            OperationName(service: "ecs", operation: "ListContainerInstances"), input: ["cluster": .string(cluster)])
        let arns = listed["containerInstanceArns"]?.arrayValue ?? []
        guard !arns.isEmpty else { return [:] }
        let described = try await api.call(
            OperationName(service: "ecs", operation: "DescribeContainerInstances"),
            input: ["cluster": .string(cluster), "containerInstances": .array(arns)])
        var map: [String: String] = [:]
        for instance in described["containerInstances"]?.arrayValue ?? [] {
            if let id = instance["ec2InstanceId"]?.stringValue, let arn = instance["containerInstanceArn"]?.stringValue { map[id] = arn }
        }
        return map
    }

    /// The identity document is the one the instance metadata service gives
    /// the agent (http://169.254.169.254/latest/dynamic/instance-identity/document).
    private func register(_ instance: GroupInstance, in cluster: String, api: any AccountAPI) async throws {
        let document: JSON = [
            "accountId": .string(api.account), "architecture": "x86_64", "availabilityZone": .string(instance.zone),
            "imageId": .string(instance.image), "instanceId": .string(instance.id), "instanceType": .string(instance.type),
            "pendingTime": .string(ISO8601DateFormatter().string(from: Date())), "privateIp": .string(instance.privateIp),
            "region": .string(api.region), "version": "2017-09-30",
        ]
        _ = try await api.call(
            OperationName(service: "ecs", operation: "RegisterContainerInstance"),
            input: ["cluster": .string(cluster), "instanceIdentityDocument": .string(document.formatted(.compact))])
        notices.simulated(
            zh: "\(instance.id) 的 ECS 代理已把它注册到集群 \(Self.name(of: cluster))",
            en: "the ECS agent of \(instance.id) registered it in cluster \(Self.name(of: cluster))")
    }

    static func name(of clusterArn: String) -> String {
        ARN(clusterArn)?.lastName ?? clusterArn
    }
}

import JSON

/// Reads the course's clusters from the account (the names lesson 5 gives
/// them) and makes the `ClusterPicture`.
public struct ClusterSurvey: Sendable {
    public var api: any AccountAPI
    public static let lessonID = "clusters"

    public init(api: any AccountAPI) {
        self.api = api
    }

    private func read(_ service: String, _ operation: String, _ input: JSON) async throws -> JSON {
        try await api.call(OperationName(service: service, operation: operation), input: input)
    }

    public func survey(scope: VariableScope, simulated: Bool = false) async throws -> ClusterPicture {
        let names = ["fargate_cluster_name", "ec2_cluster_name"].compactMap { scope.variables[$0] }
        let described = try await read("ecs", "DescribeClusters", ["clusters": .array(names.map(JSON.string))])
        var clusters: [ClusterPicture.Cluster] = []
        for name in names {
            let found = (described["clusters"]?.arrayValue ?? []).first { $0["clusterName"]?.stringValue == name && $0["status"]?.stringValue != "INACTIVE" }
            guard let found else {
                clusters.append(ClusterPicture.Cluster(name: name, status: nil, providers: [], tasks: []))
                continue
            }
            let providerNames = (found["capacityProviders"]?.arrayValue ?? []).compactMap(\.stringValue)
            clusters.append(ClusterPicture.Cluster(
                name: name, status: found["status"]?.stringValue, providers: try await providers(providerNames, cluster: name),
                tasks: try await tasks(cluster: name)))
        }
        return ClusterPicture(clusters: clusters, simulated: simulated)
    }

    private func providers(_ names: [String], cluster: String) async throws -> [ClusterPicture.Provider] {
        let own = names.filter { !$0.hasPrefix("FARGATE") }
        var result = names.filter { $0.hasPrefix("FARGATE") }.map { ClusterPicture.Provider(name: $0, autoScalingGroup: nil, desired: nil, instances: []) }
        guard !own.isEmpty else { return result }
        let described = try await read("ecs", "DescribeCapacityProviders", ["capacityProviders": .array(own.map(JSON.string))])
        let registered = try await containerInstances(cluster: cluster)
        for provider in described["capacityProviders"]?.arrayValue ?? [] {
            let name = provider["name"]?.stringValue ?? ""
            let groupARN = provider["autoScalingGroupProvider"]?["autoScalingGroupArn"]?.stringValue
            guard let group = groupARN.flatMap({ $0.components(separatedBy: "autoScalingGroupName/").last }) else {
                result.append(ClusterPicture.Provider(name: name, autoScalingGroup: nil, desired: nil, instances: []))
                continue
            }
            let groups = try await read("autoscaling", "DescribeAutoScalingGroups", ["AutoScalingGroupNames": [.string(group)]])
            let found = groups["AutoScalingGroups"]?[0]
            let instances = (found?["Instances"]?.arrayValue ?? []).map { instance in
                let id = instance["InstanceId"]?.stringValue ?? ""
                return ClusterPicture.Instance(
                    id: id, zone: instance["AvailabilityZone"]?.stringValue ?? "", lifecycle: instance["LifecycleState"]?.stringValue ?? "",
                    agentConnected: registered[id])
            }.sorted { $0.id < $1.id }
            result.append(ClusterPicture.Provider(name: name, autoScalingGroup: group, desired: found?["DesiredCapacity"]?.intValue, instances: instances))
        }
        return result
    }

    /// Each registered instance's EC2 id, with whether its agent is connected.
    private func containerInstances(cluster: String) async throws -> [String: Bool] {
        let listed = try await api.paginate(OperationName(service: "ecs", operation: "ListContainerInstances"), input: ["cluster": .string(cluster)])
        let arns = listed["containerInstanceArns"]?.arrayValue ?? []
        guard !arns.isEmpty else { return [:] }
        let described = try await read("ecs", "DescribeContainerInstances", ["cluster": .string(cluster), "containerInstances": .array(arns)])
        var connected: [String: Bool] = [:]
        for instance in described["containerInstances"]?.arrayValue ?? [] {
            if let id = instance["ec2InstanceId"]?.stringValue { connected[id] = instance["agentConnected"]?.boolValue ?? false }
        }
        return connected
    }

    private func tasks(cluster: String) async throws -> [ClusterPicture.Task] {
        let listed = try await api.paginate(OperationName(service: "ecs", operation: "ListTasks"), input: ["cluster": .string(cluster)])
        let arns = listed["taskArns"]?.arrayValue ?? []
        guard !arns.isEmpty else { return [] }
        let described = try await read("ecs", "DescribeTasks", ["cluster": .string(cluster), "tasks": .array(arns)])
        var tasks: [ClusterPicture.Task] = []
        var interfaces: [String] = []
        var subnets: [String] = []
        for task in described["tasks"]?.arrayValue ?? [] where task["lastStatus"]?.stringValue != "STOPPED" {
            let details = (task["attachments"]?[0]?["details"]?.arrayValue ?? [])
            func detail(_ name: String) -> String? { details.first { $0["name"]?.stringValue == name }?["value"]?.stringValue }
            if let interface = detail("networkInterfaceId") { interfaces.append(interface) }
            if let subnet = detail("subnetId") { subnets.append(subnet) }
            let arn = task["taskArn"]?.stringValue ?? ""
            let definition = (task["taskDefinitionArn"]?.stringValue ?? "").components(separatedBy: "task-definition/").last ?? ""
            tasks.append(ClusterPicture.Task(
                id: arn.components(separatedBy: "/").last ?? arn, definition: definition, status: task["lastStatus"]?.stringValue ?? "",
                subnet: detail("subnetId"), subnetName: nil, privateIP: detail("privateIPv4Address"), publicIP: detail("networkInterfaceId")))
        }
        // The public address is the network interface's, and the subnet's name its tag.
        var publicIPs: [String: String] = [:]
        if !interfaces.isEmpty {
            let found = try? await read("ec2", "DescribeNetworkInterfaces", ["NetworkInterfaceIds": .array(interfaces.map(JSON.string))])
            for interface in found?["NetworkInterfaces"]?.arrayValue ?? [] {
                if let id = interface["NetworkInterfaceId"]?.stringValue, let ip = interface["Association"]?["PublicIp"]?.stringValue { publicIPs[id] = ip }
            }
        }
        var subnetNames: [String: String] = [:]
        if !subnets.isEmpty, let found = try? await read("ec2", "DescribeSubnets", ["SubnetIds": .array(Set(subnets).sorted().map(JSON.string))]) {
            for subnet in found["Subnets"]?.arrayValue ?? [] {
                let name = (subnet["Tags"]?.arrayValue ?? []).first { $0["Key"]?.stringValue == "Name" }?["Value"]?.stringValue
                if let id = subnet["SubnetId"]?.stringValue, let name { subnetNames[id] = name }
            }
        }
        return tasks.map { task in
            var task = task
            task.publicIP = task.publicIP.flatMap { publicIPs[$0] }
            task.subnetName = task.subnet.flatMap { subnetNames[$0] }
            return task
        }.sorted { $0.id < $1.id }
    }
}

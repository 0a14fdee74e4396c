import Course
import Foundation
import JSON

/// Request fixes for what moto 5.2.5 gets wrong, each measured against it:
/// RunTask/CreateService with `awsvpc` answer a server error when the VPC has
/// no DNS hostnames, when no security group is given (AWS uses the VPC's
/// default group), or when a container has no `memory` of its own.
struct MotoQuirks: Sendable {
    let notices: SandboxNotices

    static let awsvpcOperations: Set<String> = ["RunTask", "StartTask", "CreateService", "UpdateService"]

    /// AWS takes a task-level memory alone for Fargate; moto needs every
    /// container to carry one, so the task's memory is shared among those without.
    func containerMemory(_ input: JSON) -> JSON {
        guard var request = input.objectValue, let taskMemory = request["memory"]?.stringValue.flatMap({ Int($0) }) ?? request["memory"]?.intValue,
            var containers = request["containerDefinitions"]?.arrayValue
        else { return input }
        func lacksMemory(_ container: JSON) -> Bool { container["memory"] == nil && container["memoryReservation"] == nil }
        let lacking = containers.filter(lacksMemory).count
        guard lacking > 0 else { return input }
        let given = containers.compactMap { $0["memory"]?.intValue }.reduce(0, +)
        let share = max(6, (taskMemory - given) / lacking)
        for index in containers.indices where lacksMemory(containers[index]) {
            guard var container = containers[index].objectValue else { continue }
            container["memory"] = .integer(share)
            containers[index] = .object(container)
            notices.quirk(
                "moto cannot run a container without its own memory; container \(container["name"]?.stringValue ?? "?") registered with memory \(share) (from the task's \(taskMemory))"
            )
        }
        request["containerDefinitions"] = .array(containers)
        return .object(request)
    }

    /// The awsvpc configuration of an ECS call, if it has one.
    static func awsvpc(_ input: JSON) -> JSONObject? {
        input["networkConfiguration"]?["awsvpcConfiguration"]?.objectValue
    }

    static func replacingAwsvpc(_ input: JSON, with configuration: JSONObject) -> JSON {
        guard var request = input.objectValue, var network = request["networkConfiguration"]?.objectValue else { return input }
        network["awsvpcConfiguration"] = .object(configuration)
        request["networkConfiguration"] = .object(network)
        return .object(request)
    }

    /// The VPC's default security group, as AWS uses when none is given.
    func defaultSecurityGroup(_ input: JSON, api: any AccountAPI) async throws -> JSON {
        guard var configuration = Self.awsvpc(input), (configuration["securityGroups"]?.arrayValue ?? []).isEmpty,
            let vpc = try await vpcID(of: configuration, api: api)
        else { return input }
        let groups = try await api.call(
            OperationName(service: "ec2", operation: "DescribeSecurityGroups"),
            input: ["Filters": [["Name": "vpc-id", "Values": [.string(vpc)]], ["Name": "group-name", "Values": ["default"]]]])
        guard let group = groups["SecurityGroups"]?[0]?["GroupId"]?.stringValue else { return input }
        configuration["securityGroups"] = [.string(group)]
        notices.quirk("moto fails an awsvpc task without security groups; added \(vpc)'s default group \(group), as AWS would use")
        return Self.replacingAwsvpc(input, with: configuration)
    }

    func vpcID(of configuration: JSONObject, api: any AccountAPI) async throws -> String? {
        guard let subnet = configuration["subnets"]?[0] else { return nil }
        let subnets = try await api.call(OperationName(service: "ec2", operation: "DescribeSubnets"), input: ["SubnetIds": [subnet]])
        return subnets["Subnets"]?[0]?["VpcId"]?.stringValue
    }

    /// Runs `body` with DNS hostnames on in the task's VPC, which moto needs
    /// to name a task's network interface, and puts the setting back after,
    /// so the learner's VPC reads exactly as they left it.
    func withDNSHostnames<T>(_ input: JSON, api: any AccountAPI, _ body: () async throws -> T) async throws -> T {
        guard let configuration = Self.awsvpc(input), let vpc = try await vpcID(of: configuration, api: api) else {
            return try await body()
        }
        let attribute = try await api.call(
            OperationName(service: "ec2", operation: "DescribeVpcAttribute"),
            input: ["VpcId": .string(vpc), "Attribute": "enableDnsHostnames"])
        guard attribute["EnableDnsHostnames"]?["Value"]?.boolValue == false else { return try await body() }
        let modify = OperationName(service: "ec2", operation: "ModifyVpcAttribute")
        _ = try await api.call(modify, input: ["VpcId": .string(vpc), "EnableDnsHostnames": ["Value": true]])
        notices.quirk("moto fails awsvpc tasks in a VPC without DNS hostnames; turned them on in \(vpc) for this call only")
        do {
            let result = try await body()
            _ = try await api.call(modify, input: ["VpcId": .string(vpc), "EnableDnsHostnames": ["Value": false]])
            return result
        } catch {
            _ = try? await api.call(modify, input: ["VpcId": .string(vpc), "EnableDnsHostnames": ["Value": false]])
            throw error
        }
    }

    /// An UpdateService without a network configuration starts tasks with
    /// the service's own, which the fixes need to see.
    func serviceNetwork(_ input: JSON, api: any AccountAPI) async throws -> JSON {
        guard Self.awsvpc(input) == nil, let service = input["service"], var request = input.objectValue else { return input }
        var describe: JSONObject = ["services": [service]]
        if let cluster = input["cluster"] { describe["cluster"] = cluster }
        let services = try await api.call(OperationName(service: "ecs", operation: "DescribeServices"), input: .object(describe))
        guard let network = services["services"]?[0]?["networkConfiguration"], network["awsvpcConfiguration"] != nil else { return input }
        request["networkConfiguration"] = network
        return .object(request)
    }
}

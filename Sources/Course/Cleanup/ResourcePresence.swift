import Foundation
import JMESPath
import JSON

/// Whether a resource is still there after cleanup: a read by its id, and a
/// test of the answer. "Not found" is gone, and so is what AWS keeps
/// listing a while after deletion (a terminated instance, an INACTIVE
/// cluster, a STOPPED task, a deleted NAT gateway).
struct ResourcePresence: Sendable {
    var api: any AccountAPI

    private struct Probe {
        var read: OperationName
        var input: JSON
        /// True over the answer while the resource is still there.
        var stillThere: String
    }

    func isThere(_ resource: OwnedResource) async throws -> Bool {
        if resource.kind == .localProgram {
            guard let pid = Int32(resource.id),
                let commandLine = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)
            else { return false }
            return commandLine.contains(resource.context["match"] ?? "")
        }
        guard let probe = probe(resource) else { return false }
        let answer: JSON
        do {
            answer = try await api.call(probe.read, input: probe.input)
        } catch {
            if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return false }
            throw error
        }
        return try JMESPathExpression(probe.stillThere).evaluate(answer, variables: ["id": .string(resource.id)]) == .bool(true)
    }

    // swiftlint:disable:next cyclomatic_complexity
    private func probe(_ resource: OwnedResource) -> Probe? {
        let id = JSON.string(resource.id)
        let cluster = JSON.string(resource.context["cluster"] ?? "default")
        func make(_ service: String, _ operation: String, _ input: JSON, _ test: String) -> Probe {
            Probe(read: OperationName(service: service, operation: operation), input: input, stillThere: test)
        }
        switch resource.kind {
        case .localProgram, .recordedUndo:
            return nil
        case .service:
            return make("ecs", "DescribeServices", ["cluster": cluster, "services": [id]], "length(services[?status != 'INACTIVE']) > `0`")
        case .task:
            return make("ecs", "DescribeTasks", ["cluster": cluster, "tasks": [id]], "length(tasks[?lastStatus != 'STOPPED']) > `0`")
        case .capacityProvider:
            return make(
                "ecs", "DescribeCapacityProviders", ["capacityProviders": [id]],
                "length(capacityProviders[?status != 'INACTIVE' && updateStatus != 'DELETE_COMPLETE']) > `0`")
        case .autoScalingGroup:
            return make("autoscaling", "DescribeAutoScalingGroups", ["AutoScalingGroupNames": [id]], "length(AutoScalingGroups) > `0`")
        case .instance:
            return make(
                "ec2", "DescribeInstances", ["InstanceIds": [id]],
                "length(Reservations[].Instances[?State.Name != 'terminated'][]) > `0`")
        case .launchTemplate:
            let key = resource.id.hasPrefix("lt-") ? "LaunchTemplateIds" : "LaunchTemplateNames"
            return make("ec2", "DescribeLaunchTemplates", [key: [id]], "length(LaunchTemplates) > `0`")
        case .cluster:
            return make("ecs", "DescribeClusters", ["clusters": [id]], "length(clusters[?status != 'INACTIVE']) > `0`")
        case .taskDefinition:
            return make("ecs", "DescribeTaskDefinition", ["taskDefinition": id], "taskDefinition.status == 'ACTIVE'")
        case .natGateway:
            return make("ec2", "DescribeNatGateways", ["NatGatewayIds": [id]], "length(NatGateways[?State != 'deleted']) > `0`")
        case .elasticIP:
            return make("ec2", "DescribeAddresses", ["AllocationIds": [id]], "length(Addresses) > `0`")
        case .networkInterfaces:
            return make(
                "ec2", "DescribeNetworkInterfaces", ["Filters": [["Name": .string(resource.id.hasPrefix("vpc-") ? "vpc-id" : "subnet-id"), "Values": [id]]]],
                "length(NetworkInterfaces[?starts_with(Description || '', 'arn:aws:ecs:') && contains(Description, ':attachment/')]) > `0`")
        case .routeTableAssociation:
            return make(
                "ec2", "DescribeRouteTables", ["Filters": [["Name": "association.route-table-association-id", "Values": [id]]]],
                "length(RouteTables) > `0`")
        case .routeTable:
            return make("ec2", "DescribeRouteTables", ["RouteTableIds": [id]], "length(RouteTables) > `0`")
        case .securityGroup:
            return make("ec2", "DescribeSecurityGroups", ["GroupIds": [id]], "length(SecurityGroups) > `0`")
        case .subnet:
            return make("ec2", "DescribeSubnets", ["SubnetIds": [id]], "length(Subnets) > `0`")
        case .internetGateway:
            return make("ec2", "DescribeInternetGateways", ["InternetGatewayIds": [id]], "length(InternetGateways) > `0`")
        case .vpc:
            return make("ec2", "DescribeVpcs", ["VpcIds": [id]], "length(Vpcs) > `0`")
        case .role:
            return make("iam", "GetRole", ["RoleName": id], "Role != null")
        case .instanceProfile:
            return make("iam", "GetInstanceProfile", ["InstanceProfileName": id], "InstanceProfile != null")
        case .policy:
            return make("iam", "GetPolicy", ["PolicyArn": id], "Policy != null")
        case .repository:
            return make("ecr", "DescribeRepositories", ["repositoryNames": [id]], "length(repositories) > `0`")
        case .logGroup:
            return make("logs", "DescribeLogGroups", ["logGroupNamePrefix": id], "length(logGroups[?logGroupName == $id]) > `0`")
        case .schedule:
            return make("scheduler", "GetSchedule", ["Name": id, "GroupName": .string(resource.context["group"] ?? "default")], "Name != null")
        case .scheduleGroup:
            return make("scheduler", "GetScheduleGroup", ["Name": id], "Name != null && State != 'DELETING'")
        }
    }
}

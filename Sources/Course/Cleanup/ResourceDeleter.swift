import Foundation
import JMESPath
import JSON

/// How each kind of resource is deleted: the calls AWS needs, in the order
/// it needs them, each part taken off before the whole (policies off a
/// role, the gateway off its VPC). Only the resource itself and parts of
/// it are ever changed, with one exception kept to ours: a capacity
/// provider is taken off clusters in the plan, never off anyone else's.
struct ResourceDeleter: Sendable {
    enum Outcome: Sendable, Equatable {
        case deleted
        case alreadyGone
        /// Something still uses it, or AWS is not done with it yet: worth a retry.
        case inUse(String)
        case failed(String)
    }

    var api: any AccountAPI
    /// The plan being carried out: which clusters and roles are ours.
    var plan: CleanupPlan
    /// Each change made, as the `aws` command that makes it.
    var calling: @Sendable (OwnedResource, String) -> Void
    var waiting: @Sendable (WaitProgress) -> Void
    var sleep: @Sendable (Double) async throws -> Void
    /// How long a delete may wait for AWS to finish (an Auto Scaling group's instances).
    var waitSeconds: Double = 900

    private struct Stop: Error {
        var outcome: Outcome
    }

    func delete(_ resource: OwnedResource) async -> Outcome {
        do {
            try await run(resource)
            return .deleted
        } catch let stop as Stop {
            return stop.outcome
        } catch {
            let code = api.errorCode(of: error) ?? ""
            if TeardownErrors.isNotFound(code) || TeardownErrors.isAlreadyOff(code) {
                // A part already off (a retried detach whose first answer was
                // lost says NoSuchEntity or Gateway.NotAttached) is not the
                // whole gone: while AWS still lists it, the next round reads
                // what is left of it and goes on from there.
                if (try? await ResourcePresence(api: api).isThere(resource)) == true { return .inUse(code) }
                return .alreadyGone
            }
            if TeardownErrors.isDependency(code) { return .inUse(code) }
            return .failed(String(describing: error))
        }
    }

    private func op(_ service: String, _ operation: String) -> OperationName {
        OperationName(service: service, operation: operation)
    }

    /// A read: no command is shown for it.
    private func read(_ service: String, _ operation: String, _ input: JSON) async throws -> JSON {
        try await api.call(op(service, operation), input: input)
    }

    /// A change, shown as its `aws` command first.
    @discardableResult
    private func change(_ resource: OwnedResource, _ service: String, _ operation: String, _ input: JSON) async throws -> JSON {
        calling(resource, api.cliCommand(op(service, operation), input: input))
        return try await api.call(op(service, operation), input: input)
    }

    private func wait(_ service: String, _ waiter: String, _ input: JSON) async throws {
        try await api.wait(service: service, waiter: waiter, input: input, progress: waiting)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func run(_ resource: OwnedResource) async throws {
        let id = JSON.string(resource.id)
        switch resource.kind {
        case .localProgram:
            let match = resource.context["match"] ?? ""
            calling(resource, "kill \(resource.id)  # \(match)")
            guard let pid = Int32(resource.id), LocalRunner.stop(pid: pid, match: match) else {
                throw Stop(outcome: .failed("process \(resource.id) did not stop"))
            }
        case .service:
            let cluster = JSON.string(resource.context["cluster"] ?? "default")
            try await change(resource, "ecs", "UpdateService", ["cluster": cluster, "service": id, "desiredCount": 0])
            try await change(resource, "ecs", "DeleteService", ["cluster": cluster, "service": id, "force": true])
            try await wait("ecs", "ServicesInactive", ["cluster": cluster, "services": [id]])
        case .task:
            let cluster = JSON.string(resource.context["cluster"] ?? "default")
            try await change(resource, "ecs", "StopTask", ["cluster": cluster, "task": id, "reason": "ecslab cleanup"])
            try await wait("ecs", "TasksStopped", ["cluster": cluster, "tasks": [id]])
        case .capacityProvider:
            for cluster in plan.owned where cluster.kind == .cluster {
                try await detach(provider: resource, from: cluster.id)
            }
            try await change(resource, "ecs", "DeleteCapacityProvider", ["capacityProvider": id])
        case .autoScalingGroup:
            try await change(resource, "autoscaling", "DeleteAutoScalingGroup", ["AutoScalingGroupName": id, "ForceDelete": true])
            // No waiter in the model: until the group, and so its instances, are gone.
            try await poll("\(resource.kind.label.en) \(resource.id)") {
                let groups = try await read("autoscaling", "DescribeAutoScalingGroups", ["AutoScalingGroupNames": [id]])
                return (groups["AutoScalingGroups"]?.arrayValue ?? []).isEmpty
            }
        case .instance:
            try await change(resource, "ec2", "TerminateInstances", ["InstanceIds": [id]])
            try await wait("ec2", "InstanceTerminated", ["InstanceIds": [id]])
        case .launchTemplate:
            let key = resource.id.hasPrefix("lt-") ? "LaunchTemplateId" : "LaunchTemplateName"
            try await change(resource, "ec2", "DeleteLaunchTemplate", [key: id])
        case .cluster:
            try await emptyCluster(resource)
            try await change(resource, "ecs", "DeleteCluster", ["cluster": id])
        case .taskDefinition:
            try await change(resource, "ecs", "DeregisterTaskDefinition", ["taskDefinition": id])
        case .natGateway:
            try await change(resource, "ec2", "DeleteNatGateway", ["NatGatewayId": id])
            try await wait("ec2", "NatGatewayDeleted", ["NatGatewayIds": [id]])
        case .elasticIP:
            try await change(resource, "ec2", "ReleaseAddress", ["AllocationId": id])
        case .networkInterfaces:
            let interfaces = try await read("ec2", "DescribeNetworkInterfaces", ["Filters": [["Name": .string(resource.id.hasPrefix("vpc-") ? "vpc-id" : "subnet-id"), "Values": [id]]]])
            var inUse = false
            var found = false
            for interface in interfaces["NetworkInterfaces"]?.arrayValue ?? [] where Self.isLeftByECS(interface) {
                guard interface["Status"]?.stringValue == "available", let eni = interface["NetworkInterfaceId"] else {
                    inUse = true
                    continue
                }
                try await change(resource, "ec2", "DeleteNetworkInterface", ["NetworkInterfaceId": eni])
                found = true
            }
            if inUse { throw Stop(outcome: .inUse("InvalidNetworkInterface.InUse")) }
            if !found { throw Stop(outcome: .alreadyGone) }
        case .routeTableAssociation:
            try await change(resource, "ec2", "DisassociateRouteTable", ["AssociationId": id])
        case .routeTable:
            let tables = try await read("ec2", "DescribeRouteTables", ["RouteTableIds": [id]])
            for association in tables["RouteTables"]?[0]?["Associations"]?.arrayValue ?? [] where association["Main"]?.boolValue != true {
                guard let associationID = association["RouteTableAssociationId"] else { continue }
                try await change(resource, "ec2", "DisassociateRouteTable", ["AssociationId": associationID])
            }
            try await change(resource, "ec2", "DeleteRouteTable", ["RouteTableId": id])
        case .securityGroup:
            try await change(resource, "ec2", "DeleteSecurityGroup", ["GroupId": id])
        case .subnet:
            try await change(resource, "ec2", "DeleteSubnet", ["SubnetId": id])
        case .internetGateway:
            let gateways = try await read("ec2", "DescribeInternetGateways", ["InternetGatewayIds": [id]])
            for attachment in gateways["InternetGateways"]?[0]?["Attachments"]?.arrayValue ?? [] {
                guard let vpc = attachment["VpcId"] else { continue }
                try await change(resource, "ec2", "DetachInternetGateway", ["InternetGatewayId": id, "VpcId": vpc])
            }
            try await change(resource, "ec2", "DeleteInternetGateway", ["InternetGatewayId": id])
        case .vpc:
            try await change(resource, "ec2", "DeleteVpc", ["VpcId": id])
        case .role:
            try await emptyRole(resource)
            try await change(resource, "iam", "DeleteRole", ["RoleName": id])
        case .instanceProfile:
            let profile = try await read("iam", "GetInstanceProfile", ["InstanceProfileName": id])
            for role in profile["InstanceProfile"]?["Roles"]?.arrayValue ?? [] {
                guard let name = role["RoleName"] else { continue }
                try await change(resource, "iam", "RemoveRoleFromInstanceProfile", ["InstanceProfileName": id, "RoleName": name])
            }
            try await change(resource, "iam", "DeleteInstanceProfile", ["InstanceProfileName": id])
        case .policy:
            try await emptyPolicy(resource)
            try await change(resource, "iam", "DeletePolicy", ["PolicyArn": id])
        case .repository:
            try await change(resource, "ecr", "DeleteRepository", ["repositoryName": id, "force": true])
        case .logGroup:
            try await change(resource, "logs", "DeleteLogGroup", ["logGroupName": id])
        case .schedule:
            try await change(resource, "scheduler", "DeleteSchedule", ["Name": id, "GroupName": .string(resource.context["group"] ?? "default")])
        case .scheduleGroup:
            try await change(resource, "scheduler", "DeleteScheduleGroup", ["Name": id])
        case .recordedUndo:
            guard let undo = resource.recordedUndo else { throw Stop(outcome: .failed("the ledger has no usable undo call")) }
            calling(resource, api.cliCommand(undo.operation, input: undo.parameters))
            _ = try await api.call(undo.operation, input: undo.parameters)
        }
    }

    /// Takes the provider off one of our clusters, keeping the cluster's other providers.
    private func detach(provider: OwnedResource, from cluster: String) async throws {
        let answer: JSON
        do {
            answer = try await read("ecs", "DescribeClusters", ["clusters": [.string(cluster)]])
        } catch {
            if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return }
            throw error
        }
        guard let found = answer["clusters"]?[0], found["status"]?.stringValue != "INACTIVE" else { return }
        let providers = (found["capacityProviders"]?.arrayValue ?? []).filter { $0.stringValue != provider.id }
        guard providers.count != (found["capacityProviders"]?.arrayValue ?? []).count else { return }
        let strategy = (found["defaultCapacityProviderStrategy"]?.arrayValue ?? []).filter { $0["capacityProvider"]?.stringValue != provider.id }
        try await change(
            provider, "ecs", "PutClusterCapacityProviders",
            ["cluster": .string(cluster), "capacityProviders": .array(providers), "defaultCapacityProviderStrategy": .array(strategy)])
    }

    /// What runs in one of our clusters goes with it.
    private func emptyCluster(_ cluster: OwnedResource) async throws {
        let id = JSON.string(cluster.id)
        let services = try await api.paginate(op("ecs", "ListServices"), input: ["cluster": id])
        for service in services["serviceArns"]?.arrayValue ?? [] {
            try await change(cluster, "ecs", "UpdateService", ["cluster": id, "service": service, "desiredCount": 0])
            try await change(cluster, "ecs", "DeleteService", ["cluster": id, "service": service, "force": true])
        }
        let tasks = try await api.paginate(op("ecs", "ListTasks"), input: ["cluster": id])
        for task in tasks["taskArns"]?.arrayValue ?? [] {
            try await change(cluster, "ecs", "StopTask", ["cluster": id, "task": task, "reason": "ecslab cleanup"])
        }
        let instances = try await api.paginate(op("ecs", "ListContainerInstances"), input: ["cluster": id])
        for instance in instances["containerInstanceArns"]?.arrayValue ?? [] {
            try await change(cluster, "ecs", "DeregisterContainerInstance", ["cluster": id, "containerInstance": instance, "force": true])
        }
    }

    private func emptyRole(_ role: OwnedResource) async throws {
        let id = JSON.string(role.id)
        let attached = try await api.paginate(op("iam", "ListAttachedRolePolicies"), input: ["RoleName": id])
        for policy in attached["AttachedPolicies"]?.arrayValue ?? [] {
            guard let arn = policy["PolicyArn"] else { continue }
            try await change(role, "iam", "DetachRolePolicy", ["RoleName": id, "PolicyArn": arn])
        }
        let inline = try await api.paginate(op("iam", "ListRolePolicies"), input: ["RoleName": id])
        for name in inline["PolicyNames"]?.arrayValue ?? [] {
            try await change(role, "iam", "DeleteRolePolicy", ["RoleName": id, "PolicyName": name])
        }
        let profiles = try await api.paginate(op("iam", "ListInstanceProfilesForRole"), input: ["RoleName": id])
        for profile in profiles["InstanceProfiles"]?.arrayValue ?? [] {
            guard let name = profile["InstanceProfileName"] else { continue }
            try await change(role, "iam", "RemoveRoleFromInstanceProfile", ["InstanceProfileName": name, "RoleName": id])
        }
    }

    /// A policy comes off our roles only: still attached elsewhere, it stays.
    private func emptyPolicy(_ policy: OwnedResource) async throws {
        let id = JSON.string(policy.id)
        let entities = try await api.paginate(op("iam", "ListEntitiesForPolicy"), input: ["PolicyArn": id])
        let ourRoles = Set(plan.owned.filter { $0.kind == .role }.map(\.id))
        var others: [String] = []
        for role in entities["PolicyRoles"]?.arrayValue ?? [] {
            guard let name = role["RoleName"]?.stringValue else { continue }
            if ourRoles.contains(name) {
                try await change(policy, "iam", "DetachRolePolicy", ["RoleName": .string(name), "PolicyArn": id])
            } else {
                others.append(name)
            }
        }
        others += (entities["PolicyUsers"]?.arrayValue ?? []).compactMap { $0["UserName"]?.stringValue }
        others += (entities["PolicyGroups"]?.arrayValue ?? []).compactMap { $0["GroupName"]?.stringValue }
        if !others.isEmpty {
            throw Stop(outcome: .failed("still attached to \(others.joined(separator: ", ")), which cleanup does not change"))
        }
        let versions = try await api.paginate(op("iam", "ListPolicyVersions"), input: ["PolicyArn": id])
        for version in versions["Versions"]?.arrayValue ?? [] where version["IsDefaultVersion"]?.boolValue != true {
            guard let versionID = version["VersionId"] else { continue }
            try await change(policy, "iam", "DeletePolicyVersion", ["PolicyArn": id, "VersionId": versionID])
        }
    }

    /// Polls `done` every few seconds until it holds or the wait runs out.
    private func poll(_ awaited: String, _ done: () async throws -> Bool) async throws {
        let start = Date()
        var attempt = 0
        while true {
            if try await done() { return }
            attempt += 1
            let elapsed = Date().timeIntervalSince(start)
            guard elapsed < waitSeconds else { throw Stop(outcome: .inUse("still deleting after \(Int(elapsed)) s")) }
            waiting(WaitProgress(awaited: awaited, attempt: attempt, maxAttempts: Int(waitSeconds / 5), elapsedSeconds: elapsed))
            try await sleep(min(5, Double(attempt)))
        }
    }

    /// A network interface ECS made for a task (its description names the
    /// attachment): once the task is gone, it is ours to delete with the subnet.
    static func isLeftByECS(_ interface: JSON) -> Bool {
        let description = interface["Description"]?.stringValue ?? ""
        return description.hasPrefix("arn:aws:ecs:") && description.contains(":attachment/")
    }
}

import AWS
import JSON

/// Which resource an ARN, or a recorded undo call, points at: its kind, the
/// id its delete calls take, and what else they need.
public struct ResourceIdentity: Sendable, Equatable {
    public var kind: ResourceKind
    public var id: String
    public var context: [String: String]

    public init(kind: ResourceKind, id: String, context: [String: String] = [:]) {
        self.kind = kind
        self.id = id
        self.context = context
    }

    /// From an ARN the tagging API lists.
    public init?(arn text: String) {
        guard let arn = ARN(text) else { return nil }
        let parts = arn.resource.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let head = parts.first ?? ""
        let last = arn.lastName
        switch (arn.service, head) {
        case ("ec2", "vpc"): self.init(kind: .vpc, id: last)
        case ("ec2", "subnet"): self.init(kind: .subnet, id: last)
        case ("ec2", "route-table"): self.init(kind: .routeTable, id: last)
        case ("ec2", "internet-gateway"): self.init(kind: .internetGateway, id: last)
        case ("ec2", "natgateway"): self.init(kind: .natGateway, id: last)
        case ("ec2", "security-group"): self.init(kind: .securityGroup, id: last)
        case ("ec2", "elastic-ip"): self.init(kind: .elasticIP, id: last)
        case ("ec2", "launch-template"): self.init(kind: .launchTemplate, id: last)
        case ("ec2", "instance"): self.init(kind: .instance, id: last)
        case ("ecs", "cluster"): self.init(kind: .cluster, id: last)
        case ("ecs", "capacity-provider"): self.init(kind: .capacityProvider, id: last)
        case ("ecs", "task-definition"): self.init(kind: .taskDefinition, id: text)
        case ("ecs", "task") where parts.count >= 3: self.init(kind: .task, id: text, context: ["cluster": parts[1]])
        case ("ecs", "service") where parts.count >= 3: self.init(kind: .service, id: text, context: ["cluster": parts[1]])
        case ("ecr", "repository"): self.init(kind: .repository, id: parts.dropFirst().joined(separator: "/"))
        case ("iam", "role"): self.init(kind: .role, id: last)
        case ("iam", "instance-profile"): self.init(kind: .instanceProfile, id: last)
        case ("iam", "policy"): self.init(kind: .policy, id: text)
        case ("scheduler", "schedule-group"): self.init(kind: .scheduleGroup, id: last)
        case ("scheduler", "schedule") where parts.count >= 3: self.init(kind: .schedule, id: parts[2], context: ["group": parts[1]])
        case ("logs", _) where arn.resource.hasPrefix("log-group:"):
            var name = String(arn.resource.dropFirst("log-group:".count))
            if name.hasSuffix(":*") { name.removeLast(2) }
            self.init(kind: .logGroup, id: name)
        case ("autoscaling", _):
            guard let range = arn.resource.range(of: "autoScalingGroupName/") else { return nil }
            self.init(kind: .autoScalingGroup, id: String(arn.resource[range.upperBound...]))
        default:
            return nil
        }
    }

    /// From the undo call the ledger recorded for a create. Undo calls that
    /// take a part off a resource (a policy off a role, a gateway off its VPC)
    /// name that resource: its own deletion takes the part off first.
    public init?(undo operation: OperationName, parameters: JSON) {
        func value(_ name: String) -> String? {
            parameters[name]?.stringValue
        }
        switch operation.description {
        case "ec2:DeleteVpc": guard let id = value("VpcId") else { return nil }; self.init(kind: .vpc, id: id)
        case "ec2:DeleteSubnet": guard let id = value("SubnetId") else { return nil }; self.init(kind: .subnet, id: id)
        case "ec2:DeleteRouteTable": guard let id = value("RouteTableId") else { return nil }; self.init(kind: .routeTable, id: id)
        case "ec2:DisassociateRouteTable":
            guard let id = value("AssociationId") else { return nil }
            self.init(kind: .routeTableAssociation, id: id)
        case "ec2:DeleteInternetGateway", "ec2:DetachInternetGateway":
            guard let id = value("InternetGatewayId") else { return nil }
            self.init(kind: .internetGateway, id: id)
        case "ec2:DeleteNatGateway": guard let id = value("NatGatewayId") else { return nil }; self.init(kind: .natGateway, id: id)
        case "ec2:ReleaseAddress": guard let id = value("AllocationId") else { return nil }; self.init(kind: .elasticIP, id: id)
        case "ec2:DeleteSecurityGroup": guard let id = value("GroupId") else { return nil }; self.init(kind: .securityGroup, id: id)
        case "ec2:DeleteLaunchTemplate":
            guard let id = value("LaunchTemplateId") ?? value("LaunchTemplateName") else { return nil }
            self.init(kind: .launchTemplate, id: id)
        case "ec2:TerminateInstances":
            guard let id = parameters["InstanceIds"]?[0]?.stringValue else { return nil }
            self.init(kind: .instance, id: id)
        case "autoscaling:DeleteAutoScalingGroup":
            guard let id = value("AutoScalingGroupName") else { return nil }
            self.init(kind: .autoScalingGroup, id: id)
        case "ecs:DeleteCluster", "ecs:PutClusterCapacityProviders":
            guard let id = value("cluster") else { return nil }
            self.init(kind: .cluster, id: ResourceIdentity.lastPart(id))
        case "ecs:DeleteCapacityProvider":
            guard let id = value("capacityProvider") else { return nil }
            self.init(kind: .capacityProvider, id: ResourceIdentity.lastPart(id))
        case "ecs:StopTask":
            guard let id = value("task") else { return nil }
            self.init(kind: .task, id: id, context: value("cluster").map { ["cluster": ResourceIdentity.lastPart($0)] } ?? [:])
        case "ecs:DeleteService":
            guard let id = value("service") else { return nil }
            self.init(kind: .service, id: id, context: value("cluster").map { ["cluster": ResourceIdentity.lastPart($0)] } ?? [:])
        case "ecs:DeregisterTaskDefinition":
            guard let id = value("taskDefinition") else { return nil }
            self.init(kind: .taskDefinition, id: id)
        case "iam:DeleteRole", "iam:DetachRolePolicy", "iam:DeleteRolePolicy", "iam:RemoveRoleFromInstanceProfile":
            guard let id = value("RoleName") else { return nil }
            self.init(kind: .role, id: id)
        case "iam:DeleteInstanceProfile":
            guard let id = value("InstanceProfileName") else { return nil }
            self.init(kind: .instanceProfile, id: id)
        case "iam:DeletePolicy": guard let id = value("PolicyArn") else { return nil }; self.init(kind: .policy, id: id)
        case "ecr:DeleteRepository":
            guard let id = value("repositoryName") else { return nil }
            self.init(kind: .repository, id: id)
        case "logs:DeleteLogGroup": guard let id = value("logGroupName") else { return nil }; self.init(kind: .logGroup, id: id)
        case "scheduler:DeleteSchedule":
            guard let id = value("Name") else { return nil }
            self.init(kind: .schedule, id: id, context: ["group": value("GroupName") ?? "default"])
        case "scheduler:DeleteScheduleGroup": guard let id = value("Name") else { return nil }; self.init(kind: .scheduleGroup, id: id)
        default:
            return nil
        }
    }

    /// A cluster or provider given by ARN or by name: the name.
    static func lastPart(_ text: String) -> String {
        text.split(separator: "/").last.map(String.init) ?? text
    }
}

import JMESPath
import JSON

/// Proves that what an undo call deleted is gone, for the kinds of resource
/// the Resource Groups Tagging API cannot list (IAM, Auto Scaling groups,
/// launch templates, ECR repositories, log groups, ...): a read built from the
/// undo call's own parameters, and a JMESPath test of its answer. An answer
/// of "not found" also proves it.
struct GoneProbe: Sendable {
    var read: OperationName
    var input: @Sendable (JSON) -> JSON?
    /// True over the read's answer while the resource still exists.
    var stillThere: String

    static func forUndo(_ operation: OperationName) -> GoneProbe? {
        probes[operation.description]
    }

    private static func op(_ text: String) -> OperationName {
        OperationName(parsing: text) ?? OperationName(service: "sts", operation: "GetCallerIdentity")
    }

    private static func member(_ name: String, as target: String, list: Bool = false) -> @Sendable (JSON) -> JSON? {
        { parameters in
            guard let value = parameters[name] else { return nil }
            return .object(JSONObject([(target, list ? .array([value]) : value)]))
        }
    }

    static let probes: [String: GoneProbe] = [
        "iam:DeleteRole": GoneProbe(read: op("iam:GetRole"), input: member("RoleName", as: "RoleName"), stillThere: "Role != null"),
        "iam:DeleteInstanceProfile": GoneProbe(
            read: op("iam:GetInstanceProfile"), input: member("InstanceProfileName", as: "InstanceProfileName"),
            stillThere: "InstanceProfile != null"),
        "iam:DeletePolicy": GoneProbe(read: op("iam:GetPolicy"), input: member("PolicyArn", as: "PolicyArn"), stillThere: "Policy != null"),
        "autoscaling:DeleteAutoScalingGroup": GoneProbe(
            read: op("autoscaling:DescribeAutoScalingGroups"), input: member("AutoScalingGroupName", as: "AutoScalingGroupNames", list: true),
            stillThere: "length(AutoScalingGroups) > `0`"),
        "ec2:DeleteLaunchTemplate": GoneProbe(
            read: op("ec2:DescribeLaunchTemplates"),
            input: { parameters in
                if let id = parameters["LaunchTemplateId"] { return ["LaunchTemplateIds": [id]] }
                return parameters["LaunchTemplateName"].map { ["LaunchTemplateNames": [$0]] }
            }, stillThere: "length(LaunchTemplates) > `0`"),
        "ec2:ReleaseAddress": GoneProbe(
            read: op("ec2:DescribeAddresses"), input: member("AllocationId", as: "AllocationIds", list: true),
            stillThere: "length(Addresses) > `0`"),
        "ecr:DeleteRepository": GoneProbe(
            read: op("ecr:DescribeRepositories"), input: member("repositoryName", as: "repositoryNames", list: true),
            stillThere: "length(repositories) > `0`"),
        "ecs:DeleteCluster": GoneProbe(
            read: op("ecs:DescribeClusters"), input: member("cluster", as: "clusters", list: true),
            stillThere: "length(clusters[?status != 'INACTIVE']) > `0`"),
        "ecs:DeleteCapacityProvider": GoneProbe(
            read: op("ecs:DescribeCapacityProviders"), input: member("capacityProvider", as: "capacityProviders", list: true),
            stillThere: "length(capacityProviders[?status != 'INACTIVE']) > `0`"),
        "logs:DeleteLogGroup": GoneProbe(
            read: op("logs:DescribeLogGroups"), input: member("logGroupName", as: "logGroupNamePrefix"),
            stillThere: "length(logGroups[?logGroupName == $name]) > `0`"),
    ]

    /// Whether the resource is still there. `parameters` are the undo call's.
    func isStillThere(_ parameters: JSON, api: any AccountAPI) async throws -> Bool {
        guard let input = input(parameters) else { return false }
        let answer: JSON
        do {
            answer = try await api.call(read, input: input)
        } catch {
            if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return false }
            throw error
        }
        let name = parameters["logGroupName"] ?? .null
        return try JMESPathExpression(stillThere).evaluate(answer, variables: ["name": name]) == .bool(true)
    }
}

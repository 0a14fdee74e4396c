import JSON

/// Resources a learner made by hand while following the course: found the
/// way checks find them, through the lessons' lookups (the names the lesson
/// gives), and carrying none of our tags. Cleanup only ever offers them.
struct HandBuiltSearch: Sendable {
    var api: any AccountAPI
    var content: CourseContent
    var scope: @Sendable (Lesson) -> VariableScope

    /// How a lookup's read names the resources it returns: their kind and
    /// the member that holds the id the delete calls take.
    static let readKinds: [String: (kind: ResourceKind, id: String)] = [
        "ec2:DescribeVpcs": (.vpc, "VpcId"),
        "ec2:DescribeSubnets": (.subnet, "SubnetId"),
        "ec2:DescribeRouteTables": (.routeTable, "RouteTableId"),
        "ec2:DescribeInternetGateways": (.internetGateway, "InternetGatewayId"),
        "ec2:DescribeNatGateways": (.natGateway, "NatGatewayId"),
        "ec2:DescribeSecurityGroups": (.securityGroup, "GroupId"),
        "ec2:DescribeLaunchTemplates": (.launchTemplate, "LaunchTemplateId"),
        "ec2:DescribeAddresses": (.elasticIP, "AllocationId"),
        "autoscaling:DescribeAutoScalingGroups": (.autoScalingGroup, "AutoScalingGroupName"),
        "ecs:DescribeClusters": (.cluster, "clusterName"),
        "ecs:DescribeCapacityProviders": (.capacityProvider, "name"),
        "ecs:DescribeTasks": (.task, "taskArn"),
        "iam:GetRole": (.role, "RoleName"),
        "iam:GetInstanceProfile": (.instanceProfile, "InstanceProfileName"),
        "ecr:DescribeRepositories": (.repository, "repositoryName"),
        "logs:DescribeLogGroups": (.logGroup, "logGroupName"),
    ]

    /// What the lessons' lookups find that is not in `ours`.
    func resources(lessons: [Lesson], excluding ours: Set<String>) async -> [OwnedResource] {
        var resolver = LookupResolver(content: content, api: api)
        var cache = ReadCache()
        var found: [String: OwnedResource] = [:]
        for lesson in lessons {
            let base = scope(lesson).withoutSaved
            for lookup in lesson.lookups {
                guard let (kind, member) = Self.readKinds[lookup.read.operation.description],
                    let matches = await resolver.existing(.init(lesson: lesson.id, name: lookup.name), base: base, cache: &cache)
                else { continue }
                for match in matches {
                    guard let id = match.resource[member]?.stringValue, !Self.isDefaultOrGone(match.resource) else { continue }
                    let tags = TaggedInventory.tags(match.resource["Tags"] ?? match.resource["tags"])
                    // Anything carrying our course tag is ours or another learner's: never hand-built.
                    guard tags[CourseTags.courseKey] == nil else { continue }
                    var context: [String: String] = [:]
                    if kind == .task, let cluster = match.resource["clusterArn"]?.stringValue {
                        context["cluster"] = ResourceIdentity.lastPart(cluster)
                    }
                    let resource = OwnedResource(
                        kind: kind, id: id, name: tags["Name"] ?? match.shown.name, ownership: .handBuilt(lookup: "\(lesson.id).\(lookup.name)"),
                        lesson: lesson.id, context: context)
                    guard !ours.contains(resource.key), found[resource.key] == nil else { continue }
                    found[resource.key] = resource
                }
            }
        }
        return found.values.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
    }

    /// The region's default VPC and groups, and what AWS still lists after deletion, are never offered.
    static func isDefaultOrGone(_ resource: JSON) -> Bool {
        if resource["IsDefault"]?.boolValue == true || resource["DefaultForAz"]?.boolValue == true { return true }
        if resource["GroupName"]?.stringValue == "default" { return true }
        let state = (resource["State"] ?? resource["status"] ?? resource["lastStatus"])?.stringValue?.lowercased()
        return ["deleted", "deleting", "inactive", "stopped"].contains(state ?? "")
    }
}

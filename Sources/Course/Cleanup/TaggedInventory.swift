import Foundation
import JSON

/// Everything in one account and region that carries our tags: what the
/// Resource Groups Tagging API lists, and, kind by kind, what it does not
/// (on AWS it misses IAM and Auto Scaling groups; moto's also misses Elastic
/// IPs, launch templates, capacity providers, ECR and Scheduler). Nothing
/// here needs the ledger, so a lost ledger still finds it all.
public struct TaggedInventory: Sendable {
    public var api: any AccountAPI
    /// The tags a resource must carry, all of them: the course's, and the
    /// learner's and lesson's where cleanup is narrowed to them.
    public var required: [String: String]
    /// Capacity providers to ask for by name where the service cannot list
    /// them all, besides those attached to a cluster.
    public var capacityProviderNames: [String] = []
    static let describeCapacityProviders = OperationName(service: "ecs", operation: "DescribeCapacityProviders")

    public init(api: any AccountAPI, owner: String?, lesson: String?) {
        self.api = api
        var required = [CourseTags.courseKey: CourseTags.courseValue]
        if let owner { required[CourseTags.ownerKey] = owner }
        if let lesson { required[CourseTags.lessonKey] = lesson }
        self.required = required
    }

    public func resources() async throws -> [OwnedResource] {
        var found: [String: OwnedResource] = [:]
        func add(_ identity: ResourceIdentity?, tags: [String: String]) {
            guard let identity, matches(tags) else { return }
            let resource = OwnedResource(
                kind: identity.kind, id: identity.id, name: tags["Name"], ownership: .tags, lesson: tags[CourseTags.lessonKey],
                context: identity.context, expiresAt: tags[CourseTags.expiresKey].flatMap(CourseTags.parseDate))
            found[resource.key] = found[resource.key].map { $0.merged(with: resource) } ?? resource
        }
        let search = TaggedResourceSearch(api: api)
        for mapping in try await taggingAPI() {
            guard let arn = mapping["ResourceARN"]?.stringValue, try await search.stillExists(arn) else { continue }
            add(ResourceIdentity(arn: arn), tags: Self.tags(mapping["Tags"]))
        }
        for address in try await ec2("DescribeAddresses", "Addresses") {
            add(address["AllocationId"]?.stringValue.map { ResourceIdentity(kind: .elasticIP, id: $0) }, tags: Self.tags(address["Tags"]))
        }
        for template in try await ec2("DescribeLaunchTemplates", "LaunchTemplates") {
            add(template["LaunchTemplateId"]?.stringValue.map { ResourceIdentity(kind: .launchTemplate, id: $0) }, tags: Self.tags(template["Tags"]))
        }
        let groups = try await api.paginate(
            op("autoscaling:DescribeAutoScalingGroups"), input: ["Filters": [["Name": .string("tag:\(CourseTags.courseKey)"), "Values": [.string(CourseTags.courseValue)]]]])
        for group in groups["AutoScalingGroups"]?.arrayValue ?? [] {
            let instances = String(group["Instances"]?.arrayValue?.count ?? group["DesiredCapacity"]?.intValue ?? 0)
            add(
                group["AutoScalingGroupName"]?.stringValue.map { ResourceIdentity(kind: .autoScalingGroup, id: $0, context: ["instances": instances]) },
                tags: Self.tags(group["Tags"]))
        }
        let providers = try await capacityProviders()
        for provider in providers["capacityProviders"]?.arrayValue ?? [] where provider["status"]?.stringValue != "INACTIVE" {
            add(provider["name"]?.stringValue.map { ResourceIdentity(kind: .capacityProvider, id: $0) }, tags: Self.tags(provider["tags"]))
        }
        for (identity, tags) in try await iam() { add(identity, tags: tags) }
        for (identity, tags) in try await ecr() { add(identity, tags: tags) }
        for (identity, tags) in try await scheduler() { add(identity, tags: tags) }
        return found.values.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
    }

    /// Every capacity provider of the region. AWS lists them all when no
    /// names are given; moto fails on that, so there the names come from the
    /// clusters that use them and from the course.
    private func capacityProviders() async throws -> JSON {
        let describe = Self.describeCapacityProviders
        do {
            return try await api.call(describe, input: ["include": ["TAGS"]])
        } catch {
            let code = api.errorCode(of: error)
            guard code == nil || code == "500" || code == "ServerException" else { throw error }
        }
        let arns = try await api.paginate(op("ecs:ListClusters"), input: [:])["clusterArns"] ?? .array([])
        var names: [JSON] = capacityProviderNames.map { .string($0) }
        for chunk in stride(from: 0, to: arns.arrayValue?.count ?? 0, by: 100) {
            let slice = Array((arns.arrayValue ?? [])[chunk..<min(chunk + 100, arns.arrayValue?.count ?? 0)])
            let clusters = try await api.call(op("ecs:DescribeClusters"), input: ["clusters": .array(slice)])
            for cluster in clusters["clusters"]?.arrayValue ?? [] {
                names += (cluster["capacityProviders"]?.arrayValue ?? []).filter { !($0.stringValue ?? "").hasPrefix("FARGATE") && !names.contains($0) }
            }
        }
        guard !names.isEmpty else { return ["capacityProviders": []] }
        return try await api.call(describe, input: ["capacityProviders": .array(names), "include": ["TAGS"]])
    }

    private func matches(_ tags: [String: String]) -> Bool {
        required.allSatisfy { tags[$0.key] == $0.value }
    }

    private func op(_ text: String) -> OperationName {
        OperationName(parsing: text) ?? OperationName(service: "sts", operation: "GetCallerIdentity")
    }

    private var courseFilter: JSON {
        [["Name": .string("tag:\(CourseTags.courseKey)"), "Values": [.string(CourseTags.courseValue)]]]
    }

    private func taggingAPI() async throws -> [JSON] {
        let filters = JSON.array(required.sorted { $0.key < $1.key }.map { ["Key": .string($0.key), "Values": [.string($0.value)]] })
        let response = try await api.paginate(TaggedResourceSearch.getResources, input: ["TagFilters": filters])
        return response["ResourceTagMappingList"]?.arrayValue ?? []
    }

    private func ec2(_ operation: String, _ member: String) async throws -> [JSON] {
        let response = try await api.paginate(OperationName(service: "ec2", operation: operation), input: ["Filters": courseFilter])
        return response[member]?.arrayValue ?? []
    }

    /// IAM lists no tags with its lists: each role, instance profile and
    /// customer policy whose name could be ours is asked for its tags.
    private func iam() async throws -> [(ResourceIdentity, [String: String])] {
        var found: [(ResourceIdentity, [String: String])] = []
        let roles = try await api.paginate(op("iam:ListRoles"), input: [:])
        for role in roles["Roles"]?.arrayValue ?? [] {
            guard let name = role["RoleName"]?.stringValue, !(role["Path"]?.stringValue ?? "/").hasPrefix("/aws-service-role/") else { continue }
            let tags = try await api.paginate(op("iam:ListRoleTags"), input: ["RoleName": .string(name)])
            found.append((ResourceIdentity(kind: .role, id: name), Self.tags(tags["Tags"])))
        }
        let profiles = try await api.paginate(op("iam:ListInstanceProfiles"), input: [:])
        for profile in profiles["InstanceProfiles"]?.arrayValue ?? [] {
            guard let name = profile["InstanceProfileName"]?.stringValue else { continue }
            // GetInstanceProfile carries the tags, as ListInstanceProfileTags
            // does on AWS; moto has only the former.
            let answer = try await api.call(op("iam:GetInstanceProfile"), input: ["InstanceProfileName": .string(name)])
            found.append((ResourceIdentity(kind: .instanceProfile, id: name), Self.tags(answer["InstanceProfile"]?["Tags"])))
        }
        let policies = try await api.paginate(op("iam:ListPolicies"), input: ["Scope": "Local"])
        for policy in policies["Policies"]?.arrayValue ?? [] {
            guard let arn = policy["Arn"]?.stringValue else { continue }
            let tags = try await api.paginate(op("iam:ListPolicyTags"), input: ["PolicyArn": .string(arn)])
            found.append((ResourceIdentity(kind: .policy, id: arn), Self.tags(tags["Tags"])))
        }
        return found
    }

    private func ecr() async throws -> [(ResourceIdentity, [String: String])] {
        var found: [(ResourceIdentity, [String: String])] = []
        let repositories = try await api.paginate(op("ecr:DescribeRepositories"), input: [:])
        for repository in repositories["repositories"]?.arrayValue ?? [] {
            guard let name = repository["repositoryName"]?.stringValue, let arn = repository["repositoryArn"]?.stringValue else { continue }
            let tags = try await api.call(op("ecr:ListTagsForResource"), input: ["resourceArn": .string(arn)])
            found.append((ResourceIdentity(kind: .repository, id: name), Self.tags(tags["tags"])))
        }
        return found
    }

    /// Schedules take no tags: a schedule is ours when its group is.
    private func scheduler() async throws -> [(ResourceIdentity, [String: String])] {
        var found: [(ResourceIdentity, [String: String])] = []
        let groups = try await api.paginate(op("scheduler:ListScheduleGroups"), input: [:])
        for group in groups["ScheduleGroups"]?.arrayValue ?? [] {
            guard let name = group["Name"]?.stringValue, name != "default", let arn = group["Arn"]?.stringValue,
                group["State"]?.stringValue != "DELETING"
            else { continue }
            let tags = Self.tags(try await api.call(op("scheduler:ListTagsForResource"), input: ["ResourceArn": .string(arn)])["Tags"])
            guard tags[CourseTags.courseKey] == CourseTags.courseValue else { continue }
            found.append((ResourceIdentity(kind: .scheduleGroup, id: name), tags))
            let schedules = try await api.paginate(op("scheduler:ListSchedules"), input: ["GroupName": .string(name)])
            for schedule in schedules["Schedules"]?.arrayValue ?? [] {
                guard let scheduleName = schedule["Name"]?.stringValue else { continue }
                // The group's lesson is that of whoever made it first: a
                // schedule's own lesson is not known from AWS.
                var own = tags
                own[CourseTags.lessonKey] = nil
                own["Name"] = nil
                if required[CourseTags.lessonKey] != nil { continue }
                found.append((ResourceIdentity(kind: .schedule, id: scheduleName, context: ["group": name]), own))
            }
        }
        return found
    }

    /// Tags as `[{Key, Value}]`, `[{key, value}]` or a map, as a dictionary.
    static func tags(_ json: JSON?) -> [String: String] {
        if let object = json?.objectValue {
            return Dictionary(object.map { ($0.key, $0.value.stringValue ?? "") }, uniquingKeysWith: { first, _ in first })
        }
        var tags: [String: String] = [:]
        for item in json?.arrayValue ?? [] {
            guard let key = (item["Key"] ?? item["key"])?.stringValue else { continue }
            tags[key] = (item["Value"] ?? item["value"])?.stringValue ?? ""
        }
        return tags
    }
}

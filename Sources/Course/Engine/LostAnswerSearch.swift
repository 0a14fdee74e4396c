import JSON

/// How to find what a create call made when its answer was lost: a read of
/// the account that finds the resource by the entry tag the call carried
/// (`ecslab:entry`, unique to the one call), and the create's answer rebuilt
/// from it in the shape the lesson's `save:` expressions read.
///
/// Only calls that a repeat could do twice, or that a repeat is refused
/// for, are here: a call with an idempotency token is safe to repeat, and
/// so are `CreateCluster` (ECS gives back the cluster of that name) and the
/// puts and attaches that set a state.
struct LostAnswerSearch: Sendable {
    /// Finds what the call with `input` and entry tag `entry` made; nil when
    /// it made nothing.
    typealias Find = @Sendable (_ api: any AccountAPI, _ input: JSON, _ entry: String) async throws -> JSON?

    init(needsEntryTag: Bool = true, find: @escaping Find) {
        self.needsEntryTag = needsEntryTag
        self.find = find
    }

    let find: Find
    /// False when what the call makes carries no tags and is told by what it joins.
    var needsEntryTag = true

    static func forCall(_ operation: OperationName) -> LostAnswerSearch? {
        switch (operation.service, operation.operation) {
        case ("ec2", "CreateVpc"): return ec2Tagged("DescribeVpcs", "Vpcs") { ["Vpc": $0] }
        case ("ec2", "CreateSubnet"): return ec2Tagged("DescribeSubnets", "Subnets") { ["Subnet": $0] }
        case ("ec2", "CreateInternetGateway"): return ec2Tagged("DescribeInternetGateways", "InternetGateways") { ["InternetGateway": $0] }
        case ("ec2", "CreateRouteTable"): return ec2Tagged("DescribeRouteTables", "RouteTables") { ["RouteTable": $0] }
        case ("ec2", "AllocateAddress"): return ec2Tagged("DescribeAddresses", "Addresses") { $0 }
        case ("ec2", "CreateSecurityGroup"):
            return ec2Tagged("DescribeSecurityGroups", "SecurityGroups") {
                ["GroupId": $0["GroupId"] ?? .null, "SecurityGroupArn": $0["SecurityGroupArn"] ?? .null]
            }
        case ("ec2", "AssociateRouteTable"): return associationOfRouteTable
        case ("iam", "CreateRole"): return iam("GetRole", "Role") { input, _ in ["RoleName": input["RoleName"] ?? .null] }
        case ("iam", "CreateInstanceProfile"):
            return iam("GetInstanceProfile", "InstanceProfile") { input, _ in ["InstanceProfileName": input["InstanceProfileName"] ?? .null] }
        case ("iam", "CreatePolicy"):
            return iam("GetPolicy", "Policy") { input, account in
                let path = input["Path"]?.stringValue ?? "/"
                return ["PolicyArn": .string("arn:aws:iam::\(account):policy\(path)\(input["PolicyName"]?.stringValue ?? "")")]
            }
        case ("logs", "CreateLogGroup"): return logGroup
        case ("ecr", "CreateRepository"): return repository
        case ("ecs", "RegisterTaskDefinition"):
            return LostAnswerSearch { api, input, entry in
                let answer = try await readUnlessGone(api, "ecs", "DescribeTaskDefinition", [
                    "taskDefinition": input["family"] ?? .null, "include": ["TAGS"],
                ])
                guard let answer, carries(answer["tags"], entry) else { return nil }
                return ["taskDefinition": answer["taskDefinition"] ?? .null, "tags": answer["tags"] ?? .array([])]
            }
        case ("ecs", "CreateCapacityProvider"):
            return LostAnswerSearch { api, input, entry in
                let answer = try await readUnlessGone(api, "ecs", "DescribeCapacityProviders", [
                    "capacityProviders": [input["name"] ?? .null], "include": ["TAGS"],
                ])
                guard let provider = answer?["capacityProviders"]?[0], carries(provider["tags"], entry) else { return nil }
                return ["capacityProvider": provider]
            }
        case ("autoscaling", "CreateAutoScalingGroup"):
            return LostAnswerSearch { api, input, entry in
                let answer = try await readUnlessGone(api, "autoscaling", "DescribeAutoScalingGroups", [
                    "AutoScalingGroupNames": [input["AutoScalingGroupName"] ?? .null],
                ])
                guard let group = answer?["AutoScalingGroups"]?[0], carries(group["Tags"], entry) else { return nil }
                return .object(JSONObject())
            }
        default:
            return nil
        }
    }

    /// An EC2 resource made with `TagSpecifications`: found by a filter on the entry tag.
    private static func ec2Tagged(_ describe: String, _ list: String, answer: @escaping @Sendable (JSON) -> JSON) -> LostAnswerSearch {
        LostAnswerSearch { api, _, entry in
            let filters: JSON = [["Name": .string("tag:\(CourseTags.entryKey)"), "Values": [.string(entry)]]]
            let found = try await api.call(OperationName(service: "ec2", operation: describe), input: ["Filters": filters])
            return found[list]?[0].map(answer)
        }
    }

    /// An IAM resource of a fixed name: read by the name, ours if it carries the entry tag.
    private static func iam(_ read: String, _ member: String, input: @escaping @Sendable (JSON, String) -> JSON) -> LostAnswerSearch {
        LostAnswerSearch { api, createInput, entry in
            let answer = try await readUnlessGone(api, "iam", read, input(createInput, api.account))
            guard let resource = answer?[member], carries(resource["Tags"], entry) else { return nil }
            return .object([member: resource])
        }
    }

    /// An association carries no tags; the route table it joins is the
    /// step's own, so the subnet's association with it is what the call made.
    private static let associationOfRouteTable = LostAnswerSearch(needsEntryTag: false) { api, input, _ in
        guard let table = input["RouteTableId"] else { return nil }
        let answer = try await api.call(OperationName(service: "ec2", operation: "DescribeRouteTables"), input: ["RouteTableIds": [table]])
        let associations = answer["RouteTables"]?[0]?["Associations"]?.arrayValue ?? []
        let joined = associations.first { association in
            (input["SubnetId"].map { association["SubnetId"] == $0 } ?? false) || (input["GatewayId"].map { association["GatewayId"] == $0 } ?? false)
        }
        guard let joined, let id = joined["RouteTableAssociationId"] else { return nil }
        return ["AssociationId": id, "AssociationState": joined["AssociationState"] ?? .null]
    }

    private static let logGroup = LostAnswerSearch { api, input, entry in
        guard let name = input["logGroupName"]?.stringValue else { return nil }
        let answer = try await api.call(OperationName(service: "logs", operation: "DescribeLogGroups"), input: ["logGroupNamePrefix": .string(name)])
        guard let group = answer["logGroups"]?.arrayValue?.first(where: { $0["logGroupName"]?.stringValue == name }) else { return nil }
        // The tagging call takes the ARN without the `:*` that DescribeLogGroups adds.
        let arn = group["logGroupArn"]?.stringValue ?? String((group["arn"]?.stringValue ?? "").trimmingSuffix(":*"))
        let tags = try await api.call(OperationName(service: "logs", operation: "ListTagsForResource"), input: ["resourceArn": .string(arn)])
        guard tags["tags"]?[CourseTags.entryKey]?.stringValue == entry else { return nil }
        return .object(JSONObject())
    }

    private static let repository = LostAnswerSearch { api, input, entry in
        let answer = try await readUnlessGone(api, "ecr", "DescribeRepositories", ["repositoryNames": [input["repositoryName"] ?? .null]])
        guard let repository = answer?["repositories"]?[0], let arn = repository["repositoryArn"] else { return nil }
        let tags = try await api.call(OperationName(service: "ecr", operation: "ListTagsForResource"), input: ["resourceArn": arn])
        guard carries(tags["tags"], entry) else { return nil }
        return ["repository": repository]
    }

    /// The answer to a read of one named resource; nil when AWS says there is none.
    private static func readUnlessGone(_ api: any AccountAPI, _ service: String, _ operation: String, _ input: JSON) async throws -> JSON? {
        do {
            return try await api.call(OperationName(service: service, operation: operation), input: input)
        } catch {
            if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return nil }
            throw error
        }
    }

    /// Whether a tag list (`Key`/`Value`, or ECS's `key`/`value`) holds the entry tag.
    static func carries(_ tags: JSON?, _ entry: String) -> Bool {
        (tags?.arrayValue ?? []).contains { tag in
            (tag["Key"] ?? tag["key"])?.stringValue == CourseTags.entryKey && (tag["Value"] ?? tag["value"])?.stringValue == entry
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        self[...].trimmingSuffix(suffix)
    }
}

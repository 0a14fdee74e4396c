import AWS
import JMESPath
import JSON

/// Finds resources by the course tags through the Resource Groups Tagging
/// API, leaving out those that AWS keeps listing for a while after they are
/// gone (terminated instances, deleted NAT gateways, stopped tasks).
public struct TaggedResourceSearch: Sendable {
    public var api: any AccountAPI

    public init(api: any AccountAPI) {
        self.api = api
    }

    static let getResources = OperationName(service: "resourcegroupstaggingapi", operation: "GetResources")

    public func arns(tagged tags: [String: String]) async throws -> [String] {
        let filters = JSON.array(
            tags.sorted { $0.key < $1.key }.map { ["Key": .string($0.key), "Values": [.string($0.value)]] })
        let response = try await api.paginate(TaggedResourceSearch.getResources, input: ["TagFilters": filters])
        return (response["ResourceTagMappingList"]?.arrayValue ?? []).compactMap { $0["ResourceARN"]?.stringValue }
    }

    /// ARNs still tagged for `lesson` (or any lesson) of `owner` that still exist.
    public func remaining(lesson: String?, owner: String) async throws -> [String] {
        var tags = [CourseTags.courseKey: CourseTags.courseValue, CourseTags.ownerKey: owner]
        if let lesson { tags[CourseTags.lessonKey] = lesson }
        var remaining: [String] = []
        for arn in try await arns(tagged: tags) where try await stillExists(arn) {
            remaining.append(arn)
        }
        return remaining
    }

    /// Whether a resource that the tagging API lists is really still there.
    func stillExists(_ arn: String) async throws -> Bool {
        let parsed = ARN(arn)
        let resource = parsed?.resource ?? ""
        let id = parsed?.lastName ?? ""
        func state(_ operation: String, _ input: JSON, _ path: String) async throws -> String? {
            do {
                let response = try await api.call(OperationName(service: "ec2", operation: operation), input: input)
                return (try? JMESPathExpression(path).evaluate(response))?.stringValue
            } catch {
                if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return "gone" }
                throw error
            }
        }
        if resource.hasPrefix("instance/") {
            let value = try await state("DescribeInstances", ["InstanceIds": [.string(id)]], "Reservations[0].Instances[0].State.Name")
            return !["terminated", "gone", nil].contains(value)
        }
        if resource.hasPrefix("natgateway/") {
            let value = try await state("DescribeNatGateways", ["NatGatewayIds": [.string(id)]], "NatGateways[0].State")
            return !["deleted", "gone", nil].contains(value)
        }
        if parsed?.service == "ecs", resource.hasPrefix("task/") {
            return try await ecsTaskRunning(arn)
        }
        // ECS keeps deleted clusters, capacity providers and deregistered task
        // definitions listed as INACTIVE: they cost nothing and are gone.
        if parsed?.service == "ecs", let probe = ecsInactiveProbe(resource, arn: arn) {
            return try await probe()
        }
        return true
    }

    private func ecsInactiveProbe(_ resource: String, arn: String) -> (() async throws -> Bool)? {
        let (operation, input, path): (String, JSON, String)
        if resource.hasPrefix("cluster/") {
            (operation, input, path) = ("DescribeClusters", ["clusters": [.string(arn)]], "clusters[0].status")
        } else if resource.hasPrefix("task-definition/") {
            (operation, input, path) = ("DescribeTaskDefinition", ["taskDefinition": .string(arn)], "taskDefinition.status")
        } else if resource.hasPrefix("capacity-provider/") {
            (operation, input, path) = ("DescribeCapacityProviders", ["capacityProviders": [.string(arn)]], "capacityProviders[0].status")
        } else {
            return nil
        }
        return {
            do {
                let response = try await api.call(OperationName(service: "ecs", operation: operation), input: input)
                let status = (try? JMESPathExpression(path).evaluate(response))?.stringValue
                return status != nil && status != "INACTIVE"
            } catch {
                if let code = api.errorCode(of: error), TeardownErrors.isNotFound(code) { return false }
                throw error
            }
        }
    }

    private func ecsTaskRunning(_ arn: String) async throws -> Bool {
        // arn:aws:ecs:region:account:task/cluster/id
        let parts = arn.split(separator: "/")
        guard parts.count >= 3 else { return true }
        let response = try await api.call(
            OperationName(service: "ecs", operation: "DescribeTasks"), input: ["cluster": .string(String(parts[1])), "tasks": [.string(arn)]])
        let status = response["tasks"]?[0]?["lastStatus"]?.stringValue
        return status != nil && status != "STOPPED"
    }
}

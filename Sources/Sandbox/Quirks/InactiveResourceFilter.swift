import Course
import JSON

/// moto's tagging API keeps listing ECS clusters and task definitions after
/// they are deleted (they only turn INACTIVE); AWS's does not, and teardown
/// proves that nothing tagged remains through that API.
struct InactiveResourceFilter: Sendable {
    let notices: SandboxNotices

    func apply(_ result: JSON, api: any AccountAPI) async throws -> JSON {
        guard var object = result.objectValue, let mappings = object["ResourceTagMappingList"]?.arrayValue else { return result }
        let arns = mappings.compactMap { $0["ResourceARN"]?.stringValue }
        let clusters = arns.filter { $0.contains(":cluster/") && $0.hasPrefix("arn:aws:ecs:") }
        var gone: Set<String> = []
        if !clusters.isEmpty {
            let described = try await api.call(
                OperationName(service: "ecs", operation: "DescribeClusters"), input: ["clusters": .array(clusters.map { .string($0) })])
            for cluster in described["clusters"]?.arrayValue ?? [] where cluster["status"]?.stringValue == "INACTIVE" {
                if let arn = cluster["clusterArn"]?.stringValue { gone.insert(arn) }
            }
        }
        for arn in arns where arn.hasPrefix("arn:aws:ecs:") && arn.contains(":task-definition/") {
            let described = try? await api.call(
                OperationName(service: "ecs", operation: "DescribeTaskDefinition"), input: ["taskDefinition": .string(arn)])
            let status = described?["taskDefinition"]?["status"]?.stringValue
            if status == "INACTIVE" || status == "DELETE_IN_PROGRESS" { gone.insert(arn) }
        }
        guard !gone.isEmpty else { return result }
        for arn in gone.sorted() { notices.quirk("left out \(arn): moto's tagging API still lists it after it was deleted") }
        object["ResourceTagMappingList"] = .array(mappings.filter { !gone.contains($0["ResourceARN"]?.stringValue ?? "") })
        return .object(object)
    }
}

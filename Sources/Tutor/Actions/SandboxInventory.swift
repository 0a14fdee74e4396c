import AWS
import Course
import JSON

/// The course's resources in the sandbox, by lesson, from the tagging API.
public struct SandboxInventory: Sendable {
    public let account: any AccountAPI

    public init(account: any AccountAPI) {
        self.account = account
    }

    public func resourcesByLesson() async throws -> [String: [String]] {
        let answer = try await account.paginate(
            OperationName(service: "resourcegroupstaggingapi", operation: "GetResources"),
            input: ["TagFilters": [["Key": .string(CourseTags.courseKey), "Values": [.string(CourseTags.courseValue)]]]])
        var byLesson: [String: [String]] = [:]
        for mapping in answer["ResourceTagMappingList"]?.arrayValue ?? [] {
            guard let arn = mapping["ResourceARN"]?.stringValue else { continue }
            let lesson = (mapping["Tags"]?.arrayValue ?? []).first { $0["Key"]?.stringValue == CourseTags.lessonKey }?["Value"]?
                .stringValue ?? "(no lesson)"
            byLesson[lesson, default: []].append(arn)
        }
        return byLesson.mapValues { $0.sorted() }
    }
}

import Foundation
import JSON

/// The tags on everything the tutor creates. Teardown and `reap` only ever
/// touch resources that carry them (or that the ledger lists), so the keys
/// are namespaced to never collide with a learner's own tags.
public struct CourseTags: Sendable, Equatable {
    public static let courseKey = "ecslab:course"
    public static let lessonKey = "ecslab:lesson"
    public static let ownerKey = "ecslab:owner"
    public static let expiresKey = "ecslab:expires-at"
    /// The ledger entry that created the resource, to find it after a crash.
    public static let entryKey = "ecslab:entry"
    public static let courseValue = "ecslab"

    public var name: String
    public var lesson: String
    public var owner: String
    public var expiresAt: Date
    public var entry: String

    public init(name: String, lesson: String, owner: String, expiresAt: Date, entry: String) {
        self.name = name
        self.lesson = lesson
        self.owner = owner
        self.expiresAt = expiresAt
        self.entry = entry
    }

    public var pairs: [(key: String, value: String)] {
        [
            ("Name", name),
            (CourseTags.courseKey, CourseTags.courseValue),
            (CourseTags.lessonKey, lesson),
            (CourseTags.ownerKey, owner),
            (CourseTags.expiresKey, CourseTags.format(expiresAt)),
            (CourseTags.entryKey, entry),
        ]
    }

    public var object: JSONObject {
        JSONObject(pairs.map { ($0.key, JSON.string($0.value)) })
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Adds the tags to a create call's input the way its API takes them,
    /// keeping any tags the lesson already set (ours win on the same key).
    public func apply(to input: JSON, parameter: TagParameter, resourceType: String?) throws(TaggingError) -> JSON {
        try Self.apply(pairs, to: input, parameter: parameter, resourceType: resourceType)
    }

    /// Adds `pairs` as tags to a create call's input the way its API takes
    /// them, keeping the input's other tags (`pairs` win on the same key).
    public static func apply(
        _ pairs: [(key: String, value: String)], to input: JSON, parameter: TagParameter, resourceType: String?
    ) throws(TaggingError) -> JSON {
        guard var object = input.objectValue else { return input }
        switch parameter {
        case .list(let member, let keyName, let valueName):
            var list = (object[member]?.arrayValue ?? []).filter { item in
                !pairs.contains { $0.key == item[keyName]?.stringValue }
            }
            for pair in pairs {
                list.append(.object(JSONObject([(keyName, .string(pair.key)), (valueName, .string(pair.value))])))
            }
            object[member] = .array(list)
        case .map(let member):
            var map = object[member]?.objectValue ?? JSONObject()
            for pair in pairs { map[pair.key] = .string(pair.value) }
            object[member] = .object(map)
        case .specifications(let member):
            guard let resourceType else { throw TaggingError.needsResourceType }
            let tags = JSON.array(pairs.map { ["Key": .string($0.key), "Value": .string($0.value)] })
            var specifications = object[member]?.arrayValue ?? []
            if let index = specifications.firstIndex(where: { $0["ResourceType"]?.stringValue == resourceType }),
                var existing = specifications[index].objectValue
            {
                let kept = (existing["Tags"]?.arrayValue ?? []).filter { item in !pairs.contains { $0.key == item["Key"]?.stringValue } }
                existing["Tags"] = .array(kept + (tags.arrayValue ?? []))
                specifications[index] = .object(existing)
            } else {
                specifications.append(["ResourceType": .string(resourceType), "Tags": tags])
            }
            object[member] = .array(specifications)
        }
        return .object(object)
    }
}

public enum TaggingError: Error, Sendable, Equatable, CustomStringConvertible {
    case needsResourceType
    case noTagParameter(OperationName)

    public var description: String {
        switch self {
        case .needsResourceType:
            return "this ec2 call takes tags through TagSpecifications, which need a resource type: add 'tags: {resource-type: ...}'"
        case .noTagParameter(let operation):
            return "\(operation) takes no tags: add 'tags: {after: ...}' with a tagging call, or 'tags: none'"
        }
    }
}

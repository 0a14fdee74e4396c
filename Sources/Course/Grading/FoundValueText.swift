import JSON

/// A value from AWS, or a check's operand, written as a learner reads it in
/// "expected X, found Y": a resource by its id, its name and a few key facts
/// (`vpc-0abc (ecslab-vpc, 10.0.0.0/16, available)`), a record a check built
/// as `key value` pairs, a list joined. JSON's braces and quotes never show:
/// a learner would have to parse them by eye, and a cut dump hides the very
/// fact that made the check fail.
///
/// Resources are told apart by their keys, not by the service that answered,
/// so a new check on a new service reads well without a change here.
struct FoundValueText: Sendable {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    func text(_ value: JSON) -> String {
        text(value, depth: 0)
    }

    // MARK: - Rules

    /// Own identifiers, a resource's before those of what it points at: a
    /// subnet carries its VPC's id and a NAT gateway its subnet's, a container
    /// its task's ARN and a task its cluster's, so the order decides which
    /// resource an object is.
    static let identifierKeys = [
        "containerArn", "taskArn", "serviceName", "containerInstanceArn", "taskDefinitionArn", "clusterName",
        "InstanceId", "NatGatewayId", "NetworkInterfaceId", "RouteTableId", "InternetGatewayId", "GroupId",
        "AllocationId", "LaunchTemplateId", "SubnetId", "VpcId",
        "RoleName", "PolicyName", "InstanceProfileName", "UserName",
        "logGroupName", "logStreamName", "repositoryName", "AutoScalingGroupName",
        "LoadBalancerName", "TargetGroupName", "TableName",
    ]
    /// Endings of identifier keys on services the list above does not name.
    static let identifierSuffixes = ["Id", "Arn", "Name"]
    /// A resource's name when it has no Name tag; `KeyName` and the like are
    /// left out because they name something else (an instance's key pair).
    static let nameKeys = ["GroupName", "LaunchTemplateName"]
    /// The first present is the state: a task's `lastStatus` is what it is now,
    /// its `desiredStatus` only what ECS aims for.
    static let stateKeys = ["lastStatus", "State", "state", "Status", "status"]
    /// Resources a resource lives in, shown when they are not its own id.
    static let containerKeys = ["SubnetId", "VpcId"]
    static let factLimit = 4
    /// Objects take a clause each, short values a word, so fewer objects fit.
    static let objectLimit = 5
    static let shortValueLimit = 10
    static let memberLimit = 8
    static let stringLimit = 200
    /// Below a record's members, whose values are already in parentheses,
    /// containers are only counted: deeper text stops being readable.
    static let deepest = 2

    // MARK: - Values

    private func text(_ value: JSON, depth: Int) -> String {
        switch value {
        case .null: return say(zh: "没有", en: "nothing")
        case .bool(let flag): return flag ? "true" : "false"
        case .integer, .double: return value.text
        case .string(let string): return FoundValueText.cut(string)
        case .array(let items): return list(items, depth: depth)
        case .object(let object): return self.object(object, depth: depth)
        }
    }

    private func list(_ items: [JSON], depth: Int) -> String {
        if items.isEmpty { return none }
        if depth >= FoundValueText.deepest { return say(zh: "\(items.count) 项", en: items.count == 1 ? "1 item" : "\(items.count) items") }
        let short = items.allSatisfy { FoundValueText.isScalar($0) || FoundValueText.pair($0) != nil }
        let limit = short ? FoundValueText.shortValueLimit : FoundValueText.objectLimit
        let separator = short ? say(zh: "、", en: ", ") : say(zh: "；", en: "; ")
        var texts = items.prefix(limit).map { item in
            guard item.arrayValue != nil else { return text(item, depth: depth) }
            let written = text(item, depth: depth + 1)
            return encloses(item, depth: depth + 1) ? parenthesized(written) : written
        }
        if items.count > limit {
            texts.append(more(items.count - limit))
        }
        return texts.joined(separator: separator)
    }

    private func object(_ object: JSONObject, depth: Int) -> String {
        if object.isEmpty { return none }
        if let (key, value) = FoundValueText.pair(.object(object)) {
            return "\(key)=\(text(value, depth: FoundValueText.deepest))"
        }
        if let (key, identifier) = FoundValueText.identifier(of: object) {
            if depth >= FoundValueText.deepest { return identifier }
            let facts = self.facts(of: object, identifiedBy: key, identifier)
            return facts.isEmpty ? identifier : identifier + parenthesized(facts.joined(separator: say(zh: "，", en: ", ")), spaced: true)
        }
        if depth >= FoundValueText.deepest {
            return say(zh: "\(object.count) 个字段", en: object.count == 1 ? "1 field" : "\(object.count) fields")
        }
        var members = object.members.prefix(FoundValueText.memberLimit).map { member in
            self.member(member.key, member.value, depth: depth + 1)
        }
        if object.count > FoundValueText.memberLimit {
            members.append(more(object.count - FoundValueText.memberLimit))
        }
        return members.joined(separator: say(zh: "，", en: ", "))
    }

    /// A list or a record inside a value takes parentheses, which keep its
    /// commas apart from those of the text around it.
    private func encloses(_ value: JSON, depth: Int) -> Bool {
        guard depth < FoundValueText.deepest else { return false }
        switch value {
        case .array(let items): return items.count > 1 || items.first.map(FoundValueText.isRecord) == true
        case .object: return FoundValueText.isRecord(value)
        default: return false
        }
    }

    private func member(_ key: String, _ value: JSON, depth: Int) -> String {
        let written = text(value, depth: depth)
        return encloses(value, depth: depth) ? key + parenthesized(written, spaced: true) : "\(key) \(written)"
    }

    // MARK: - Resources

    /// The key that identifies a resource and its value; an object with only a
    /// Name tag is still a resource, named by it.
    static func identifier(of object: JSONObject) -> (key: String, value: String)? {
        for key in identifierKeys {
            if let value = object[key]?.stringValue, !value.isEmpty { return (key, value) }
        }
        for (key, value) in object where identifierSuffixes.contains(where: key.hasSuffix) {
            if let value = value.stringValue, !value.isEmpty { return (key, value) }
        }
        if let value = object["name"]?.stringValue, !value.isEmpty { return ("name", value) }
        return nameTag(of: object).map { ("Tags", $0) }
    }

    private func facts(of object: JSONObject, identifiedBy key: String, _ identifier: String) -> [String] {
        var facts: [String] = []
        let name = FoundValueText.nameTag(of: object)
            ?? FoundValueText.nameKeys.lazy.filter { $0 != key }.compactMap { object[$0]?.stringValue }.first
        if let name, name != identifier { facts.append(name) }
        // A route's only address is its destination, so any kind of CIDR block counts.
        if let block = object.members.lazy.filter({ $0.key.hasSuffix("CidrBlock") }).compactMap(\.value.stringValue).first {
            facts.append(block)
        }
        if let zone = object["AvailabilityZone"]?.stringValue { facts.append(zone) }
        if let state = FoundValueText.state(of: object) { facts.append(state) }
        if object["IsDefault"]?.boolValue == true {
            facts.append(key == "VpcId" ? say(zh: "默认 VPC", en: "the default VPC") : say(zh: "默认", en: "default"))
        }
        for container in FoundValueText.containerKeys where container != key {
            if let value = object[container]?.stringValue { facts.append(value) }
        }
        return facts.prefix(FoundValueText.factLimit).map(FoundValueText.cut)
    }

    /// The value of the `Name` tag, in EC2's `Key`/`Value` spelling or ECS's `key`/`value`.
    static func nameTag(of object: JSONObject) -> String? {
        for tags in ["Tags", "tags"] {
            for tag in object[tags]?.arrayValue ?? [] {
                if let (key, value) = pair(tag), key == "Name", let name = value.stringValue { return name }
            }
        }
        return nil
    }

    /// A state that EC2 writes as an object (`{"Code": 16, "Name": "running"}`) reads as its name.
    static func state(of object: JSONObject) -> String? {
        for key in stateKeys {
            switch object[key] {
            case .string(let state)?: return state
            case .object(let state)?: if let name = state["Name"]?.stringValue { return name }
            default: continue
            }
        }
        return nil
    }

    /// A tag or an environment variable: an object of just a key and a value.
    static func pair(_ value: JSON) -> (key: String, value: JSON)? {
        guard let object = value.objectValue, object.count == 2 else { return nil }
        for (keyName, valueName) in [("Key", "Value"), ("key", "value"), ("name", "value"), ("Name", "Value")] {
            if let key = object[keyName]?.stringValue, let value = object[valueName] { return (key, value) }
        }
        return nil
    }

    // MARK: - Text

    /// An object written as `key value` pairs: neither a resource nor a pair.
    static func isRecord(_ value: JSON) -> Bool {
        guard let object = value.objectValue else { return false }
        return !object.isEmpty && pair(value) == nil && identifier(of: object) == nil
    }

    static func isScalar(_ value: JSON) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    static func cut(_ string: String) -> String {
        string.count > stringLimit ? String(string.prefix(stringLimit)) + "…" : string
    }

    private var none: String { say(zh: "没有", en: "none") }

    private func more(_ count: Int) -> String { say(zh: "另有 \(count) 个", en: "and \(count) more") }

    private func parenthesized(_ text: String, spaced: Bool = false) -> String {
        say(zh: "（\(text)）", en: (spaced ? " " : "") + "(\(text))")
    }

    private func say(zh: String, en: String) -> String {
        LocalizedText(zh: zh, en: en)[language]
    }
}

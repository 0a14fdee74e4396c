import JSON

/// What one lookup found in one run.
public enum LookupOutcome: Sendable {
    case found(JSON)
    /// Nothing matched, or more than one thing did: a finding about the lab,
    /// which fails the checks that need the value.
    case missing(LocalizedText)
    /// AWS could not be read (access denied, throttled, unreachable): the
    /// checks that need the value could not look.
    case unreadable(LocalizedText)

    var isFound: Bool {
        if case .found = self { return true }
        return false
    }
}

/// A resource as a lookup's `shows` expression gives it, ready to be named
/// in a message: "深学AWS-VPC (vpc-1, 10.0.0.0/16)".
struct ShownResource: Sendable, Equatable {
    /// A resource no `shows` describes, read as any found value is.
    var raw: JSON?
    var name: String?
    var id: String?
    var about: [String]
    var isDefault: Bool

    init(_ json: JSON) {
        func text(_ value: JSON?) -> String? {
            guard let value, !value.isNull else { return nil }
            let string = value.stringValue ?? value.text
            return string.isEmpty ? nil : string
        }
        switch json {
        case .object(let object):
            name = text(object["name"])
            id = text(object["id"])
            about = (object["about"]?.arrayValue ?? object["about"].map { [$0] } ?? []).compactMap { text($0) }
            isDefault = object["default"]?.boolValue ?? false
        default:
            // A bare string in a list is a name (a family, a cluster's ARN).
            name = text(json)
            id = nil
            about = []
            isDefault = false
        }
    }

    /// A resource as it came from AWS, for a lookup without `shows`.
    init(raw: JSON) {
        self.raw = raw
        name = nil
        id = nil
        about = []
        isDefault = false
    }

    func text(_ language: Language) -> String {
        if let raw { return FoundValueText(language).text(raw) }
        let facts = (name == nil ? [] : id.map { [$0] } ?? []) + about + (isDefault ? [LocalizedText(zh: "默认", en: "default")[language]] : [])
        let head = name ?? id ?? "?"
        guard !facts.isEmpty else { return head }
        return language == .zh ? "\(head)（\(facts.joined(separator: "，"))）" : "\(head) (\(facts.joined(separator: ", ")))"
    }
}

/// The sentences a lookup's failure is told in.
enum LookupFailureText {
    static func notFound(_ looksFor: LocalizedText, nearby: NearbyList?) -> LocalizedText {
        LocalizedText(
            zh: "找不到\(looksFor.zh)" + (nearby.map { "；" + $0.text(.zh) } ?? ""),
            en: "no \(looksFor.en)" + (nearby.map { "; " + $0.text(.en) } ?? ""))
    }

    static func ambiguous(_ looksFor: LocalizedText, matches: [ShownResource]) -> LocalizedText {
        LocalizedText(
            zh: "\(looksFor.zh)不止一个（\(matches.count) 个）：\(matches.map { $0.text(.zh) }.joined(separator: "、"))；删掉多余的，或用 --set 改用另一个名称",
            en: "more than one \(looksFor.en) (\(matches.count)): \(matches.map { $0.text(.en) }.joined(separator: ", ")); delete the extra ones, or use another name with --set")
    }
}

/// What is there that comes close to what a lookup did not find.
struct NearbyList: Sendable {
    var label: LocalizedText
    var resources: [ShownResource]
    /// `--set name=value` for the closest named resource.
    var suggestion: String?
    static let shown = 5

    func text(_ language: Language) -> String {
        let none = LocalizedText(zh: "没有", en: "none")[language]
        let listed = resources.prefix(NearbyList.shown).map { $0.text(language) }
        let more = resources.count - listed.count
        var list = listed.isEmpty ? none : listed.joined(separator: language == .zh ? "、" : ", ")
        if more > 0 { list += LocalizedText(zh: " 等另外 \(more) 个", en: " and \(more) more")[language] }
        var text = language == .zh ? "\(label.zh)：\(list)" : "\(label.en): \(list)"
        if let suggestion {
            text += LocalizedText(zh: "；要改用它：\(suggestion)", en: "; to use it: \(suggestion)")[language]
        }
        return text
    }
}

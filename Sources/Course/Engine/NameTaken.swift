import JSON

/// A resource with the name a create call would give, which the tutor did
/// not make: a learner's earlier attempt by hand, or someone else's. The
/// tutor never makes a second one of the same name.
public struct NameTaken: Sendable, Equatable {
    /// What the lesson's lookup looks for: "VPC named ecslab-vpc".
    public var looksFor: LocalizedText
    /// The resources found, as a person reads them.
    public var found: LocalizedText
    public var count: Int
    /// Where the one found differs from what the call would make.
    public var differences: [Difference]
    /// The lesson variable that names it, for `--set`.
    public var variable: String?
    /// Its value (its id), when exactly one is there.
    public var value: JSON?
    /// The name the create call saves its value as.
    public var savedName: String?

    public struct Difference: Sendable, Equatable {
        public var field: String
        public var found: String
        public var wanted: String
    }

    /// One resource, the same in every field the call would set that the
    /// resource also shows: the tutor can build on it.
    public var matchesLesson: Bool { count == 1 && differences.isEmpty }

    /// The fields of `input` the resource also has, where both are plain
    /// values and differ. Documents (JSON text) are left out: AWS shows them
    /// in another form than they were sent in.
    static func differences(of resource: JSON, from input: JSON) -> [Difference] {
        guard let wanted = input.objectValue, let have = resource.objectValue else { return [] }
        return wanted.compactMap { key, value in
            guard let mine = plain(value), !mine.hasPrefix("{"), let theirs = have[key].flatMap(plain), mine != theirs else { return nil }
            return Difference(field: key, found: theirs, wanted: mine)
        }
    }

    private static func plain(_ value: JSON) -> String? {
        switch value {
        case .string(let text): return text
        case .bool, .integer, .double: return value.text
        default: return nil
        }
    }

    var message: LocalizedText {
        let set = variable.map { "--set \($0)=" } ?? "--set"
        let name = LocalizedText(zh: "\(set)新名称", en: "\(set)NEW-NAME")
        var zh = "已经有\(looksFor.zh)，而且不是导师建立的：\(found.zh)。"
        var en = "there is already a \(looksFor.en) that the tutor did not make: \(found.en). "
        if count > 1 {
            zh += "名称相同的有 \(count) 个：删掉多余的，或者用 \(name.zh) 给你的取另一个名称。"
            en += "\(count) share the name: delete the extra ones, or give yours another name with \(name.en)."
        } else if differences.isEmpty {
            zh += "它和本课要建立的一致：用 --use-existing 再运行这一步（在导师里输入 do --use-existing），导师就在它的基础上继续；或者用 \(name.zh) 另建一个。"
            en += "It matches what the lesson makes: run the step again with --use-existing (in the tutor: do --use-existing) to build on it, or make another with \(name.en)."
        } else {
            let zhDiff = differences.map { "\($0.field) 是 \($0.found)，本课要的是 \($0.wanted)" }.joined(separator: "；")
            let enDiff = differences.map { "its \($0.field) is \($0.found), the lesson's is \($0.wanted)" }.joined(separator: "; ")
            zh += "它和本课不一致（\(zhDiff)）：删掉它，或者用 \(name.zh) 给你的取另一个名称。"
            en += "It differs from the lesson (\(enDiff)): delete it, or give yours another name with \(name.en)."
        }
        return LocalizedText(zh: zh + "什么都没有创建。", en: en + " Nothing was created.")
    }
}

import AWS
import Foundation
import JSON

/// Reads the fields of one YAML mapping into typed values, recording a
/// diagnostic for every missing, mistyped or unknown field instead of
/// stopping at the first, so that one lint run reports them all.
struct MappingReader {
    let node: SourceNode
    let what: String
    private(set) var consumed: Set<String> = []
    var diagnostics: [Diagnostic] = []

    /// `what` names the thing in messages: "a step", "check 'vpc-exists'".
    init(_ node: SourceNode, what: String, diagnostics: inout [Diagnostic]) {
        self.node = node
        self.what = what
        if node.mapping == nil {
            diagnostics.append(Diagnostic(at: node.location, "\(what) should be a mapping of fields, not \(node.kindName)"))
        }
    }

    var location: SourceLocation { node.location }

    mutating func has(_ key: String) -> Bool {
        node[key] != nil
    }

    mutating func raw(_ key: String) -> SourceNode? {
        consumed.insert(key)
        return node[key]
    }

    mutating func required(_ key: String) -> SourceNode? {
        let value = raw(key)
        if value == nil, node.mapping != nil {
            diagnostics.append(Diagnostic(at: node.location, "\(what) has no '\(key)'", suggestion: "add '\(key):'"))
        }
        return value
    }

    mutating func string(_ key: String, required isRequired: Bool = true) -> String? {
        guard let value = isRequired ? required(key) : raw(key) else { return nil }
        guard let text = value.scalar, !text.isEmpty else {
            diagnostics.append(Diagnostic(at: value.location, "'\(key)' of \(what) should be a non-empty text"))
            return nil
        }
        return text
    }

    mutating func integer(_ key: String, required isRequired: Bool = true) -> Int? {
        guard let value = isRequired ? required(key) : raw(key) else { return nil }
        guard let text = value.scalar, let number = Int(text) else {
            diagnostics.append(Diagnostic(at: value.location, "'\(key)' of \(what) should be a whole number"))
            return nil
        }
        return number
    }

    mutating func number(_ key: String, required isRequired: Bool = true) -> Double? {
        guard let value = isRequired ? required(key) : raw(key) else { return nil }
        guard let text = value.scalar, let number = Double(text), number.isFinite else {
            diagnostics.append(Diagnostic(at: value.location, "'\(key)' of \(what) should be a number"))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = raw(key) else { return nil }
        switch value.scalar {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(Diagnostic(at: value.location, "'\(key)' of \(what) should be true or false"))
            return nil
        }
    }

    mutating func strings(_ key: String) -> [String] {
        guard let value = raw(key) else { return [] }
        if let text = value.scalar { return [text] }
        guard let items = value.sequence else {
            diagnostics.append(Diagnostic(at: value.location, "'\(key)' of \(what) should be a list of names"))
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar {
                result.append(text)
            } else {
                diagnostics.append(Diagnostic(at: item.location, "'\(key)' of \(what) should list names, not \(item.kindName)"))
            }
        }
        return result
    }

    /// A text in both languages: `{zh: ..., en: ...}`. A missing language is
    /// an error, never a silent fallback.
    mutating func text(_ key: String, required isRequired: Bool = true) -> LocalizedText? {
        guard let value = isRequired ? required(key) : raw(key) else { return nil }
        return MappingReader.localized(value, field: key, of: what, diagnostics: &diagnostics)
    }

    static func localized(_ value: SourceNode, field: String, of what: String, diagnostics: inout [Diagnostic]) -> LocalizedText? {
        guard value.mapping != nil else {
            diagnostics.append(
                Diagnostic(
                    at: value.location, "'\(field)' of \(what) should give the text in both languages",
                    suggestion: "write it as 'zh: ...' and 'en: ...' on two indented lines"))
            return nil
        }
        var texts: [Language: String] = [:]
        for language in Language.allCases {
            if let text = value[language.rawValue]?.scalar, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                texts[language] = language == .zh ? ChineseLineFolding.unfolded(text) : text
            } else {
                let name = language.englishName
                diagnostics.append(
                    Diagnostic(
                        at: value.location, "'\(field)' of \(what) has no \(name) text",
                        suggestion: "add '\(language.rawValue):' with the \(name) text"))
            }
        }
        for pair in value.mapping ?? [] {
            if let key = pair.key.scalar, Language(rawValue: key) == nil {
                diagnostics.append(
                    Diagnostic(at: pair.key.location, "'\(field)' of \(what) has an unknown language '\(key)'", suggestion: "use 'zh' and 'en'"))
            }
        }
        // A text in one language only is still taught, in that language, after
        // lint's error: better than "(text missing)" in the learner's own.
        guard let any = texts[.en] ?? texts[.zh] else { return nil }
        return LocalizedText(zh: texts[.zh] ?? any, en: texts[.en] ?? any)
    }

    /// Reports every key that was never read, with the closest known name.
    mutating func finish(into diagnostics: inout [Diagnostic], known extra: [String] = []) {
        diagnostics += self.diagnostics
        self.diagnostics = []
        let known = Array(consumed) + extra
        for pair in node.mapping ?? [] {
            guard let key = pair.key.scalar else {
                diagnostics.append(Diagnostic(at: pair.key.location, "a key of \(what) is not a plain name"))
                continue
            }
            if consumed.contains(key) || extra.contains(key) { continue }
            let suggestion = EditDistance.closest(to: key, among: known).map { "did you mean '\($0)'?" }
            diagnostics.append(Diagnostic(at: pair.key.location, "\(what) has an unknown field '\(key)'", suggestion: suggestion))
        }
    }
}

import Foundation

/// A text in Simplified Chinese and English. Both are required: a lesson that
/// lacks one fails lint instead of silently showing the other.
public struct LocalizedText: Sendable, Equatable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Stands in for a text that a file lacks, after lint has said so.
    public static let missing = LocalizedText(zh: "（缺少文字）", en: "(text missing)")

    public subscript(language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }

    /// The same change made to both languages.
    public func map(_ transform: (String) -> String) -> LocalizedText {
        LocalizedText(zh: transform(zh), en: transform(en))
    }

    /// `texts` joined by `separator`, language by language.
    public static func joined(_ texts: [LocalizedText], separator: String) -> LocalizedText {
        LocalizedText(zh: texts.map(\.zh).joined(separator: separator), en: texts.map(\.en).joined(separator: separator))
    }

    /// Replaces `{name}` fields, as in a check's failure message `{expected}`.
    public func filling(_ fields: [String: String]) -> LocalizedText {
        LocalizedText(zh: LocalizedText.fill(zh, fields), en: LocalizedText.fill(en, fields))
    }

    static func fill(_ text: String, _ fields: [String: String]) -> String {
        var result = text
        for (name, value) in fields {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }
}

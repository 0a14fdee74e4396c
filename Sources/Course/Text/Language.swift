/// The languages every learner-facing text exists in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// `zh*` locales are Chinese; anything else is English.
    public init(locale: String) {
        self = locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The language's name in English, for messages to course authors.
    public var englishName: String {
        switch self {
        case .zh: return "Chinese"
        case .en: return "English"
        }
    }
}

/// The languages every learner-facing text exists in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// `zh*` locales are Chinese; anything else is English.
    public init(locale: String) {
        self = locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}

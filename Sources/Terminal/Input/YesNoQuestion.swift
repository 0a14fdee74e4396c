import Foundation

/// The one yes/no question of every command: the same choices shown and
/// the same words accepted, whatever the language the question is in.
public enum YesNoQuestion {
    /// Words that mean yes, in English and Chinese; anything else is no.
    public static let yesWords: Set<String> = ["y", "yes", "是", "好", "对"]

    public static func choices(defaultYes: Bool) -> String { defaultYes ? "[Y/n]" : "[y/N]" }

    /// An empty answer, or none at all (the end of input), takes the default.
    public static func answer(_ input: LineInput, defaultYes: Bool) -> Bool {
        guard case .line(let line) = input else { return defaultYes }
        let word = line.trimmingCharacters(in: .whitespaces).lowercased()
        if word.isEmpty { return defaultYes }
        return yesWords.contains(word)
    }
}

extension LineReader {
    /// Asks `question` with its choices and reads the answer.
    public func confirm(_ question: String, defaultYes: Bool) -> Bool {
        YesNoQuestion.answer(ask("\(question) \(YesNoQuestion.choices(defaultYes: defaultYes))"), defaultYes: defaultYes)
    }
}

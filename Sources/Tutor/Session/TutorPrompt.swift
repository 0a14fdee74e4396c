import Foundation

/// The prompt that tells the learner where they are: the lesson, the step
/// and, while something that costs money runs, the running cost.
public struct TutorPrompt: Sendable, Equatable {
    public var lesson: String?
    public var step: String?
    public var usdPerHour: Double

    public init(lesson: String?, step: String?, usdPerHour: Double) {
        self.lesson = lesson
        self.step = step
        self.usdPerHour = usdPerHour
    }

    public var text: String {
        var text = "ecslab"
        if let lesson {
            text += " \(lesson)"
            if let step { text += "/\(step)" }
        }
        if usdPerHour > 0 { text += " " + TutorPrompt.cost(usdPerHour) + "/h" }
        return text + "> "
    }

    /// Dollars with as many decimals as small hourly prices need.
    public static func cost(_ usd: Double) -> String {
        "$" + String(format: usd < 0.1 ? "%.3f" : "%.2f", usd)
    }
}

import Course
import JSON
import Terminal

/// The learner's account, with a spinner shown for the length of every wait
/// (a NAT gateway, instances registering, a task starting).
struct WaitingAccount: WrappingAccount {
    let inner: any AccountAPI
    let indicator: WaitIndicator
    let language: Language

    func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        let indicator = self.indicator
        let language = self.language
        let hint = TutorText.waitingHint(language)
        try await indicator.showing("\(service):\(waiter)", words: WaitingAccount.words("\(service):\(waiter)", language), hint: hint) {
            try await inner.wait(service: service, waiter: waiter, input: input) { step in
                indicator.begin(step.awaited, words: WaitingAccount.words(step.awaited, language), hint: hint)
                // The spinner already says it; a line per try would break it up.
                if !indicator.animated { progress(step) }
            }
        }
    }

    /// How the spinner says what it waits for.
    static func words(_ awaited: String, _ language: Language) -> WaitIndicator.Words {
        { seconds in TutorText.waiting(language, ["awaited": awaited, "seconds": String(seconds)]) }
    }
}

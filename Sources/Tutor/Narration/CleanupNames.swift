import Course

/// How cleanup names a resource, why it is ours and its cost, in one language.
struct CleanupNames: Sendable {
    var language: Language

    func kind(_ resource: OwnedResource) -> String {
        resource.kind.label[language]
    }

    func why(_ resource: OwnedResource) -> String {
        switch resource.ownership {
        case .ledger: return TutorText.cleanupOursByLedger(language)
        case .tags: return TutorText.cleanupOursByTags(language)
        case .ledgerAndTags: return TutorText.cleanupOursByBoth(language)
        case .handBuilt(let lookup): return lookup
        }
    }

    /// `, $0.062/h` (`，每小时 $0.062`) for what is billed by the hour, nothing otherwise.
    func cost(_ usdPerHour: Double) -> String {
        guard usdPerHour > 0 else { return "" }
        return language == .zh ? "，每小时 \(TutorPrompt.cost(usdPerHour))" : ", \(TutorPrompt.cost(usdPerHour))/h"
    }
}

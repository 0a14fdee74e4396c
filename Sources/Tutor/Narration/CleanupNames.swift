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

    /// `, $0.062/h` for what is billed by the hour, nothing otherwise.
    func cost(_ usdPerHour: Double) -> String {
        usdPerHour > 0 ? ", \(TutorPrompt.cost(usdPerHour))/h" : ""
    }
}

import Foundation

/// Which of our resources one cleanup is about.
public struct CleanupScope: Sendable, Equatable {
    /// One lesson's, or every lesson's when nil.
    public var lesson: String?
    /// Only what is billed by the hour (leaving the tutor, `--costly`).
    public var costlyOnly: Bool
    /// Only what expired before this time (`reap`).
    public var expiredBefore: Date?
    /// Only this learner's, or anyone's in the account when nil (`reap`).
    public var owner: String?
    /// Whether to look for what the learner built by hand (never for `reap`).
    public var offersHandBuilt: Bool

    public init(lesson: String? = nil, costlyOnly: Bool = false, expiredBefore: Date? = nil, owner: String?, offersHandBuilt: Bool = true) {
        self.lesson = lesson
        self.costlyOnly = costlyOnly
        self.expiredBefore = expiredBefore
        self.owner = owner
        self.offersHandBuilt = offersHandBuilt
    }

    /// Whether only some of our resources are meant, so that shared ones
    /// (the timer's role and group) stay.
    var isNarrowed: Bool { lesson != nil || costlyOnly || expiredBefore != nil }

    func includes(_ resource: OwnedResource) -> Bool {
        if let lesson, resource.lesson != lesson { return false }
        if costlyOnly, !(resource.kind.isBilledHourly || resource.usdPerHour > 0) { return false }
        if let expiredBefore {
            guard let expiry = resource.expiresAt, expiry <= expiredBefore else { return false }
        }
        return true
    }
}

/// One learner of a class roster: who they are, how the grader reaches
/// their AWS account, and the lesson variables set for them alone.
public struct RosterEntry: Sendable, Equatable {
    /// Safe as a file name: the grader writes `<id>.json` for each learner.
    public let id: String
    /// The `name` column, or the id when it is empty.
    public let name: String
    public let profile: String?
    public let roleARN: String?
    /// Only ever set together with `roleARN`.
    public let externalID: String?
    public let region: String?
    /// The `var:NAME` columns (a YAML learner's `vars:`), name to value;
    /// empty values are left out so that the lesson's default applies.
    public let variables: [String: String]
    /// The 1-based line of the file where the row or item starts.
    public let line: Int
    /// The position in the roster, from 0.
    public let index: Int

    /// How the grader gets credentials for this learner's account.
    public enum Access: Sendable, Equatable {
        /// The named profile's own credentials.
        case profile(String)
        /// Assume `arn`; with `sourceProfile`, using that profile's
        /// credentials to do so, otherwise the grader's default ones.
        case role(arn: String, externalID: String?, sourceProfile: String?)
    }

    /// Taking `access` rather than the three fields it stands for means an
    /// entry always has a profile or a role, and an external id only with a role.
    public init(
        id: String, name: String, access: Access, region: String? = nil, variables: [String: String] = [:],
        line: Int, index: Int
    ) {
        self.id = id
        self.name = name
        switch access {
        case .profile(let profile):
            self.profile = profile
            self.roleARN = nil
            self.externalID = nil
        case .role(let arn, let externalID, let sourceProfile):
            self.profile = sourceProfile
            self.roleARN = arn
            self.externalID = externalID
        }
        self.region = region
        self.variables = variables
        self.line = line
        self.index = index
    }

    /// A row with both a profile and a role_arn assumes the role with the
    /// profile's credentials as the source, as the AWS CLI's
    /// `source_profile` does.
    public var access: Access {
        if let roleARN { return .role(arn: roleARN, externalID: externalID, sourceProfile: profile) }
        // The initialiser sets a profile whenever it sets no role, and the
        // fields cannot change after it, so this default is never reached.
        return .profile(profile ?? "")
    }
}

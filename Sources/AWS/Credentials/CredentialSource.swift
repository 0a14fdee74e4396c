/// Where the chain found credentials, for `--debug` and for `ecslab whoami`-style
/// output. It names places and role ARNs, never a key.
public indirect enum CredentialSource: Sendable, Equatable, CustomStringConvertible {
    case environment
    /// Static keys of a profile, and the file they were read from.
    case profileKeys(profile: String, file: String)
    case process(profile: String)
    case assumeRole(profile: String, roleARN: String, source: CredentialSource)

    public var description: String {
        switch self {
        case .environment:
            return "the environment (AWS_ACCESS_KEY_ID)"
        case .profileKeys(let profile, let file):
            return "the keys of the profile \"\(profile)\" in \(file)"
        case .process(let profile):
            return "the credential_process of the profile \"\(profile)\""
        case .assumeRole(let profile, let roleARN, let source):
            return "the role \(roleARN) of the profile \"\(profile)\", assumed with \(source)"
        }
    }
}

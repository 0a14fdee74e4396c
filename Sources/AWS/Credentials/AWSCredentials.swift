import Foundation

/// An access key pair, with a session token when it is temporary.
///
/// Its description never shows the secret or the token, so credentials can
/// be logged, interpolated or dumped by a debugger without leaking.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var expiration: Date?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    public var description: String {
        var text = "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
        if sessionToken != nil { text += ", sessionToken: <redacted>" }
        if let expiration { text += ", expiration: \(expiration)" }
        return text + ")"
    }

    public var debugDescription: String { description }
}

extension AWSCredentials: CustomReflectable {
    /// `dump` and debuggers walk the mirror rather than `description`, so it hides the same fields.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "accessKeyID": accessKeyID,
            "secretAccessKey": "<redacted>",
            "sessionToken": sessionToken.map { _ in "<redacted>" } as Any,
            "expiration": expiration as Any,
        ], displayStyle: .struct)
    }
}

/// Where credentials come from: fixed keys, a profile, STS, a process.
/// Providers that hand out temporary keys refresh them before they expire.
public protocol CredentialsProvider: Sendable {
    func credentials() async throws -> AWSCredentials
}

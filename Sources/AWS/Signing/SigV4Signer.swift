import Foundation

/// Signs requests with AWS Signature Version 4 in the `Authorization` header
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html).
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public let region: String
    public let service: String
    /// Every service but S3 signs the path with its dot segments resolved.
    public let normalizePath: Bool
    /// Sends and signs `x-amz-content-sha256`, which some services require.
    public let signBody: Bool
    /// A few services want the session token sent but left out of the
    /// signature; the test suite exercises that, so it stays possible here.
    let signsSessionToken: Bool
    let keyCache: SigningKeyCache

    public init(region: String, service: String, normalizePath: Bool = true, signBody: Bool = false) {
        self.init(region: region, service: service, normalizePath: normalizePath, signBody: signBody,
                  signsSessionToken: true, keyCache: .shared)
    }

    init(region: String, service: String, normalizePath: Bool, signBody: Bool, signsSessionToken: Bool, keyCache: SigningKeyCache) {
        self.region = region
        self.service = service
        self.normalizePath = normalizePath
        self.signBody = signBody
        self.signsSessionToken = signsSessionToken
        self.keyCache = keyCache
    }

    /// Adds X-Amz-Date, X-Amz-Security-Token (when there is a session token), x-amz-content-sha256 when signBody, and Authorization.
    public func sign(_ request: inout HTTPRequest, credentials: AWSCredentials, date: Date) {
        signWithDetails(&request, credentials: credentials, date: date)
    }

    /// Signs like `sign` and returns each intermediate form, for tests and debugging.
    /// Signing again (a retry) replaces the previous signature's headers.
    @discardableResult
    func signWithDetails(_ request: inout HTTPRequest, credentials: AWSCredentials, date: Date) -> SigV4Signature {
        let timestamp = SigV4Timestamp(date)
        request.headers["Authorization"] = nil
        if request.headers["Host"] == nil {
            // Signed and sent from the same value, so the two cannot differ.
            request.headers["Host"] = request.authority
        }
        request.headers["X-Amz-Security-Token"] = credentials.sessionToken
        request.headers["X-Amz-Date"] = timestamp.amzDate

        let payloadHash: String
        if signBody {
            payloadHash = SHA256.hash(request.body).lowercaseHex
            request.headers["x-amz-content-sha256"] = payloadHash
        } else if let declared = request.headers["x-amz-content-sha256"] {
            // A caller that declared the payload hash (e.g. UNSIGNED-PAYLOAD) signs that declaration.
            payloadHash = declared
        } else {
            payloadHash = SHA256.hash(request.body).lowercaseHex
        }

        let canonical = SigV4CanonicalRequest(
            request: request, payloadHash: payloadHash, normalizePath: normalizePath,
            excludedHeaders: signsSessionToken ? [] : ["x-amz-security-token"]
        )
        let scope = "\(timestamp.dateStamp)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            Self.algorithm, timestamp.amzDate, scope, SHA256.hash(canonical.text).lowercaseHex,
        ].joined(separator: "\n")
        let key = keyCache.signingKey(for: SigningKeyCache.Scope(
            secretAccessKey: credentials.secretAccessKey, dateStamp: timestamp.dateStamp, region: region, service: service
        ))
        let signature = HMACSHA256.authenticate(stringToSign, key: key).lowercaseHex
        request.headers["Authorization"] = "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical.text, stringToSign: stringToSign,
            signedHeaders: canonical.signedHeaders, signature: signature
        )
    }
}

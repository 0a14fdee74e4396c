/// What one signing computed, step by step. Nothing here is secret: the
/// signature is only good for this request, and the session token, though it
/// appears in the canonical request, is sent in the clear anyway.
struct SigV4Signature: Sendable, Equatable {
    let canonicalRequest: String
    let stringToSign: String
    let signedHeaders: String
    let signature: String
}

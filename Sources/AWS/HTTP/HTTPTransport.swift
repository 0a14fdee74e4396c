/// Sends requests and returns whole responses. The libcurl transport is the
/// real one; tests substitute their own to script failures.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// One request waiting for, or running on, a transfer thread.
struct CurlJob: Sendable {
    var request: HTTPRequest
    var cancellation: TransferCancellation
    var continuation: CheckedContinuation<HTTPResponse, any Error>
}

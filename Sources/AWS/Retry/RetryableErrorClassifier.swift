/// Which failures the SDKs' standard retry mode tries again: the documented
/// throttling and transient error codes, HTTP 500, 502, 503 and 504, and
/// connections that broke or timed out. Everything else, every other 4xx
/// included, surfaces at once. Lists as in botocore's `retries/standard.py`.
public enum RetryableErrorClassifier {
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]

    public static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]

    public static func reason(for error: any Error) -> RetryReason? {
        switch error {
        case let error as AWSServiceError:
            if throttlingCodes.contains(error.code) { return .throttling }
            if transientCodes.contains(error.code) || transientStatusCodes.contains(error.statusCode) {
                return .transient
            }
            return nil
        case let error as AWSTransportError:
            switch error.kind {
            case .timeout, .connectTimeout: return .timeout
            case .connectionReset: return .transient
            // A refused connection, an unknown host or a TLS failure will
            // not go away in a second; retrying only delays the message.
            case .insecureEndpoint, .invalidURL, .hostNotFound, .proxyNotFound, .connectionRefused, .tls, .other:
                return nil
            }
        default:
            return nil
        }
    }

    /// Whether AWS may have carried out an attempt that failed this way: the
    /// request went out and what came back (a server error, a broken or
    /// timed-out connection, a cut-off answer) does not say it was refused.
    /// A throttled call, or one that never connected, was not carried out.
    public static func outcomeIsUnknown(_ error: any Error) -> Bool {
        switch error {
        case let error as AWSServiceError:
            if throttlingCodes.contains(error.code) { return false }
            return transientCodes.contains(error.code) || transientStatusCodes.contains(error.statusCode)
        case let error as AWSTransportError:
            return error.kind == .timeout || error.kind == .connectionReset
        default:
            return false
        }
    }
}

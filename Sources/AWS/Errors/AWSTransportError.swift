import Foundation

/// A request that never got an HTTP response: the connection could not be
/// made, broke, or took too long. Each kind has its own sentence, because a
/// learner fixes "nothing listens on 127.0.0.1:5000" differently from "the
/// name does not resolve".
public struct AWSTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// `http://` to a host that is not this machine: credentials and
        /// signatures would cross the network in clear text.
        case insecureEndpoint
        case invalidURL
        case hostNotFound
        case proxyNotFound
        case connectionRefused
        case connectTimeout
        /// The whole exchange took longer than the total timeout.
        case timeout
        /// The connection broke after it was made: reset, closed early,
        /// nothing received.
        case connectionReset
        case tls
        case other
    }

    public var kind: Kind
    /// `host` or `host:port`, as the learner wrote it in the endpoint.
    public var host: String
    /// libcurl's own words, kept for `--debug`; never shown in `description`
    /// except for the kinds that have no sentence of their own.
    public var detail: String

    public init(kind: Kind, host: String, detail: String = "") {
        self.kind = kind
        self.host = host
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .insecureEndpoint:
            return "Refusing to send a request to \(host) over plain http://; only loopback hosts (127.0.0.0/8, ::1, localhost) may use http, so use an https:// endpoint."
        case .invalidURL:
            return "The endpoint URL for \(host) is not valid\(suffix)."
        case .hostNotFound:
            return "Could not resolve the host name \(host); check the endpoint and your network or DNS settings."
        case .proxyNotFound:
            return "Could not resolve the proxy host for \(host); check HTTPS_PROXY and HTTP_PROXY."
        case .connectionRefused:
            return "Could not connect to \(host): the connection was refused (is the server running?)."
        case .connectTimeout:
            return "Could not connect to \(host) before the connect timeout ran out."
        case .timeout:
            return "The request to \(host) did not complete before the timeout ran out."
        case .connectionReset:
            return "The connection to \(host) was closed before the response was complete."
        case .tls:
            return "The TLS connection to \(host) failed\(suffix)."
        case .other:
            return "The request to \(host) failed\(suffix)."
        }
    }

    private var suffix: String {
        let trimmed = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        return ": " + trimmed.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

import Foundation

/// What `--debug` prints: every request as sent and every response as
/// received (method, URL, headers, body), each retry and each transport
/// failure, with secrets redacted by `SecretRedactor`. Long bodies are cut
/// after `bodyLimit` bytes, binary ones are only counted.
///
/// Lines go to `write`, standard error by default, so that `--debug` never
/// mixes with the output a learner pipes into another program.
public struct DebugLog: Sendable {
    public var bodyLimit: Int
    private let write: @Sendable (String) -> Void

    public init(bodyLimit: Int = 4096, write: @escaping @Sendable (String) -> Void) {
        self.bodyLimit = bodyLimit
        self.write = write
    }

    /// Writes to standard error.
    public static func standardError(bodyLimit: Int = 4096) -> DebugLog {
        DebugLog(bodyLimit: bodyLimit) { text in
            try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
        }
    }

    public func request(_ request: HTTPRequest, attempt: Int) {
        var lines = ["> \(request.method) \(Self.redactedURL(request)) (attempt \(attempt))"]
        lines += headerLines(request.headers, prefix: ">")
        lines += bodyLines(request.body, prefix: ">")
        emit(lines)
    }

    public func response(_ response: HTTPResponse, for request: HTTPRequest, attempt: Int) {
        var lines = ["< \(response.status) from \(request.method) \(Self.redactedURL(request)) (attempt \(attempt))"]
        lines += headerLines(response.headers, prefix: "<")
        lines += bodyLines(response.body, prefix: "<")
        emit(lines)
    }

    public func failure(_ error: any Error, for request: HTTPRequest, attempt: Int) {
        var text = "! \(request.method) \(Self.redactedURL(request)) (attempt \(attempt)) failed: \(error)"
        if let transport = error as? AWSTransportError, !transport.detail.isEmpty {
            text += " [libcurl: \(transport.detail)]"
        }
        emit([text])
    }

    public func retry(after error: any Error, nextAttempt: Int, delay: Duration) {
        let milliseconds = delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000
        emit(["~ retrying as attempt \(nextAttempt) in \(milliseconds) ms after: \(Self.reason(error))"])
    }

    /// An attempt AWS may have carried out, not retried: the caller looks for what it made first.
    public func leftToCaller(_ error: any Error) {
        emit(["~ not retrying after: \(Self.reason(error)); the change may have been made, so what it made is looked for first"])
    }

    private static func reason(_ error: any Error) -> String {
        if let service = error as? AWSServiceError { return "\(service.code) (HTTP \(service.statusCode))" }
        return "\(error)"
    }

    static func redactedURL(_ request: HTTPRequest) -> String {
        var copy = request
        copy.query = String(decoding: SecretRedactor.redactForm(Array(request.query.utf8)), as: UTF8.self)
        return copy.url
    }

    private func headerLines(_ headers: HTTPHeaders, prefix: String) -> [String] {
        headers.fields.map { "\(prefix) \($0.name): \(SecretRedactor.redactHeader(name: $0.name, value: $0.value))" }
    }

    private func bodyLines(_ body: [UInt8], prefix: String) -> [String] {
        guard !body.isEmpty else { return [] }
        let redacted = SecretRedactor.redactBody(body)
        let shown = redacted.prefix(bodyLimit)
        guard let text = String(validating: shown, as: UTF8.self), !shown.contains(0) else {
            // A cut can split a character; only then is a shorter cut tried.
            if redacted.count > bodyLimit,
               let trimmed = (1...3).lazy.compactMap({ String(validating: shown.dropLast($0), as: UTF8.self) }).first {
                return textLines(trimmed, total: redacted.count, shown: trimmed.utf8.count, prefix: prefix)
            }
            return ["\(prefix) [\(body.count) bytes of binary data]"]
        }
        return textLines(text, total: redacted.count, shown: shown.count, prefix: prefix)
    }

    private func textLines(_ text: String, total: Int, shown: Int, prefix: String) -> [String] {
        var lines = ["\(prefix)"]
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "\(prefix) \(line.hasSuffix("\r") ? line.dropLast() : line)"
        }
        if total > shown {
            lines.append("\(prefix) [\(total - shown) more bytes not shown]")
        }
        return lines
    }

    private func emit(_ lines: [String]) {
        write(lines.map { "debug: \($0)\n" }.joined())
    }
}

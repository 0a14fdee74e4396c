import AWS
import Synchronization

/// A transport that answers from a script, and remembers what it was sent.
final class ScriptedTransport: HTTPTransport {
    private let state: Mutex<(script: [Result<HTTPResponse, any Error>], sent: [HTTPRequest])>

    init(_ script: [Result<HTTPResponse, any Error>]) {
        state = Mutex((script, []))
    }

    var sent: [HTTPRequest] { state.withLock { $0.sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let next = state.withLock { state -> Result<HTTPResponse, any Error> in
            state.sent.append(request)
            guard !state.script.isEmpty else {
                return .failure(AWSTransportError(kind: .other, host: request.authority, detail: "the script ran out"))
            }
            return state.script.removeFirst()
        }
        return try next.get()
    }

    static func response(_ status: Int, _ body: String = "", headers: [(String, String)] = []) -> Result<HTTPResponse, any Error> {
        .success(HTTPResponse(status: status, headers: HTTPHeaders(headers), body: Array(body.utf8)))
    }

    static func queryError(_ status: Int, code: String) -> Result<HTTPResponse, any Error> {
        response(status, "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>")
    }
}

/// Fixed keys, for tests that need a `CredentialsProvider`.
struct FixedCredentials: CredentialsProvider {
    let keys: AWSCredentials

    init(_ accessKeyID: String, _ secret: String, token: String? = nil) {
        keys = AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token)
    }

    func credentials() async throws -> AWSCredentials { keys }
}

/// Collects values from `@Sendable` closures (sleeps asked for, lines logged).
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func append(_ value: Value) {
        values.withLock { $0.append(value) }
    }

    var all: [Value] { values.withLock { $0 } }
}

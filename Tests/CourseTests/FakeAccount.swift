import Course
import Foundation
import JSON
import Synchronization

/// An account that answers from a script: each operation name maps to a
/// handler over the input. It records every call, so tests can assert exactly
/// what the engine sent.
final class FakeAccount: AccountAPI, Sendable {
    struct FakeError: Error, CustomStringConvertible {
        var code: String
        var description: String { "\(code): scripted failure" }
    }

    typealias Handler = @Sendable (JSON) throws -> JSON

    let account = "123456789012"
    let region = "ap-northeast-1"
    private let state = Mutex<(handlers: [String: Handler], calls: [(String, JSON)])>(([:], []))

    func on(_ operation: String, _ handler: @escaping Handler) {
        state.withLock { $0.handlers[operation] = handler }
    }

    var calls: [(operation: String, input: JSON)] {
        state.withLock { $0.calls.map { (operation: $0.0, input: $0.1) } }
    }

    func callNames() -> [String] { calls.map(\.operation) }

    func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        let handler = state.withLock { state -> Handler? in
            state.calls.append((operation.description, input))
            return state.handlers[operation.description]
        }
        guard let handler else { throw FakeError(code: "UnscriptedOperation") }
        return try handler(input)
    }

    func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await call(operation, input: input)
    }

    func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        _ = try await call(OperationName(service: service, operation: "wait:\(waiter)"), input: input)
        progress(WaitProgress(awaited: waiter, attempt: 1, maxAttempts: 1, elapsedSeconds: 0))
    }

    func cliCommand(_ operation: OperationName, input: JSON) -> String {
        "aws \(operation.service) \(operation.operation) --cli-input-json '\(input.text)'"
    }

    func tagParameter(of operation: OperationName) -> TagParameter? {
        switch operation.service {
        case "ec2": return .specifications(member: "TagSpecifications")
        case "ecs": return .list(member: "tags", keyName: "key", valueName: "value")
        case "logs": return .map(member: "tags")
        default: return .list(member: "Tags", keyName: "Key", valueName: "Value")
        }
    }

    func idempotencyTokenMember(of operation: OperationName) -> String? {
        operation.operation == "CreateNatGateway" ? "ClientToken" : nil
    }

    func errorCode(of error: any Error) -> String? {
        (error as? FakeError)?.code
    }
}

/// A prober that answers from a table of URLs.
struct FakeProber: HTTPProber {
    var pages: [String: JSON]

    func get(_ url: String, timeoutSeconds: Int) async throws -> JSON {
        guard let page = pages[url] else { throw FakeAccount.FakeError(code: "ConnectionRefused") }
        return page
    }
}

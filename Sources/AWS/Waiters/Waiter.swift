import Foundation
import JMESPath
import JSON

/// Polls an operation until one of the model's acceptors decides, as
/// botocore's waiters do: acceptors are tried in order on each response (or
/// error), the first match gives the state; `success` returns, `failure`
/// throws at once, no match waits `delay` seconds and tries again up to
/// `maxAttempts`. Cancelling the task stops the wait between polls.
public struct Waiter: Sendable {
    public let model: WaiterModel
    public var delay: Duration
    public var maxAttempts: Int

    public init(model: WaiterModel, delay: Duration? = nil, maxAttempts: Int? = nil) {
        self.model = model
        self.delay = delay ?? .seconds(model.delay)
        self.maxAttempts = maxAttempts ?? model.maxAttempts
    }

    /// The same wait, polling every `interval` within the model's own time
    /// budget (delay × attempts): a local server can be asked more often.
    public func polling(every interval: Duration) -> Waiter {
        var paced = self
        paced.delay = interval
        let budget = Double(model.delay * model.maxAttempts)
        paced.maxAttempts = max(model.maxAttempts, Int((budget / max(0.001, Self.seconds(interval))).rounded(.up)))
        return paced
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A sentence saying what is awaited, e.g. for `ecs services-stable`.
    public var summary: String {
        let conditions = model.acceptors.filter { $0.state == .success }.map(Self.describe).joined(separator: " or ")
        let seconds = Self.seconds(delay)
        let every = seconds.rounded() == seconds ? "\(Int(seconds)) s" : "\(seconds) s"
        return "waiting until \(conditions), polling \(model.operation) every \(every), at most \(maxAttempts) times"
    }

    static func describe(_ acceptor: WaiterModel.Acceptor) -> String {
        let expected = acceptor.expected.text
        switch acceptor.matcher {
        case .path: return "\(acceptor.argument ?? "") == \(expected)"
        case .pathAll: return "every \(acceptor.argument ?? "") == \(expected)"
        case .pathAny: return "any \(acceptor.argument ?? "") == \(expected)"
        case .status: return "HTTP status \(expected)"
        case .error: return acceptor.expected == .bool(true) ? "any error" : acceptor.expected == .bool(false) ? "no error" : "error \(acceptor.expected.stringValue ?? expected)"
        }
    }

    /// Waits; returns the response that matched success.
    public func run(
        poll: () async throws -> JSON,
        sleep: (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        onAttempt: (WaiterAttempt) -> Void = { _ in }
    ) async throws -> JSON {
        let expressions = try model.acceptors.map { acceptor -> JMESPathExpression? in
            guard [.path, .pathAll, .pathAny].contains(acceptor.matcher), let argument = acceptor.argument else { return nil }
            return try JMESPathExpression(argument)
        }
        var attempt = 0
        while true {
            try Task.checkCancellation()
            attempt += 1
            var response: JSON?
            var failure: AWSServiceError?
            do {
                response = try await poll()
            } catch let error as AWSServiceError {
                failure = error
            }
            var state: WaiterModel.Acceptor.State?
            for (acceptor, expression) in zip(model.acceptors, expressions) {
                if try Self.matches(acceptor, expression: expression, response: response, error: failure) {
                    state = acceptor.state
                    break
                }
            }
            onAttempt(WaiterAttempt(number: attempt, maximum: maxAttempts, state: state, response: response, errorCode: failure?.code))
            switch state {
            case .success?:
                return response ?? .object(JSONObject())
            case .failure?:
                let reason = failure.map { " (\($0.code): \($0.message))" } ?? ""
                throw WaiterError(kind: .failure, waiter: model.name, attempts: attempt,
                    message: "Waiter \(model.name) failed: the resource reached a state from which it will not succeed\(reason).")
            case .retry?, nil:
                if state == nil, let failure {
                    throw WaiterError(kind: .unexpectedError(failure), waiter: model.name, attempts: attempt,
                        message: "Waiter \(model.name) stopped on an unexpected error: \(failure)")
                }
            }
            if attempt >= maxAttempts {
                throw WaiterError(kind: .timedOut, waiter: model.name, attempts: attempt,
                    message: "Waiter \(model.name) timed out after \(attempt) attempts without reaching success.")
            }
            try await sleep(delay)
        }
    }

    static func matches(
        _ acceptor: WaiterModel.Acceptor, expression: JMESPathExpression?, response: JSON?, error: AWSServiceError?
    ) throws -> Bool {
        switch acceptor.matcher {
        case .error:
            switch acceptor.expected {
            case .bool(true): return error != nil
            case .bool(false): return error == nil
            default: return error?.code == acceptor.expected.stringValue
            }
        case .status:
            let status = error?.statusCode ?? 200
            return acceptor.expected.intValue == status
        case .path, .pathAll, .pathAny:
            guard let response, let expression else { return false }
            let result = try expression.evaluate(response)
            switch acceptor.matcher {
            case .path: return result == acceptor.expected
            case .pathAll:
                guard case .array(let items) = result, !items.isEmpty else { return false }
                return items.allSatisfy { $0 == acceptor.expected }
            default:
                guard case .array(let items) = result, !items.isEmpty else { return false }
                return items.contains { $0 == acceptor.expected }
            }
        }
    }
}

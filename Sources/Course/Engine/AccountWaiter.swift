import AWS
import Foundation
import JSON

/// Runs a service model's waiter by polling through an account, so that
/// whatever wraps the account (the sandbox's simulations) sees every poll,
/// as it sees every other call.
public struct AccountWaiter: Sendable {
    public let api: any AccountAPI
    /// How often to poll; nil keeps the model's delay. The time budget
    /// (delay × attempts) stays the model's either way.
    public var pollEvery: Duration?

    public init(api: any AccountAPI, pollEvery: Duration? = nil) {
        self.api = api
        self.pollEvery = pollEvery
    }

    public func wait(service: String, waiter name: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        let model = try ServiceModel.named(service).waiter(name)
        let waiter = pollEvery.map { Waiter(model: model).polling(every: $0) } ?? Waiter(model: model)
        let start = Date()
        let awaited = "\(service):\(name)"
        let operation = OperationName(service: service, operation: model.operation)
        _ = try await waiter.run(
            poll: { try await api.call(operation, input: input) },
            onAttempt: { attempt in
                progress(WaitProgress(
                    awaited: awaited, attempt: attempt.number, maxAttempts: attempt.maximum,
                    elapsedSeconds: Date().timeIntervalSince(start)))
            })
    }
}

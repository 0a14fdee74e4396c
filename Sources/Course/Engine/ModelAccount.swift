import AWS
import Foundation
import JSON

/// The course engine's view of a real account (or the sandbox), through the
/// model-driven client: the service models answer where tags and client
/// tokens go, and every call can be shown as its `aws` command.
public struct ModelAccount: AccountAPI {
    public var client: AWSClient
    public let account: String
    public let region: String

    public init(client: AWSClient, account: String, region: String) {
        self.client = client
        self.account = account
        self.region = region
    }

    public func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await client.call(service: operation.service, operation: operation.operation, input: input)
    }

    public func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await client.paginate(service: operation.service, operation: operation.operation, input: input)
    }

    public func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
        try await AccountWaiter(api: self).wait(service: service, waiter: waiter, input: input, progress: progress)
    }

    public func cliCommand(_ operation: OperationName, input: JSON) -> String {
        (try? AWSClient.cliCommand(service: operation.service, operation: operation.operation, input: input))
            ?? "aws \(operation.service) \(operation.operation)"
    }

    public func tagParameter(of operation: OperationName) -> TagParameter? {
        ModelTagParameter.find(for: operation)
    }

    public func validate(_ operation: OperationName, input: JSON?) throws {
        let (model, operationModel) = try AWSClient.resolve(service: operation.service, operation: operation.operation)
        if let input { try ParameterValidator(model: model).validate(input, for: operationModel) }
    }

    public func idempotencyTokenMember(of operation: OperationName) -> String? {
        guard let (model, operationModel) = try? AWSClient.resolve(service: operation.service, operation: operation.operation),
            let input = operationModel.input, let shape = try? model.resolve(input).shape
        else { return nil }
        return shape.members.first { $0.reference.idempotencyToken }?.name
    }

    public func errorCode(of error: any Error) -> String? {
        (error as? AWSServiceError)?.code
    }
}

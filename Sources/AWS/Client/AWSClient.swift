import JSON

/// One client for every service whose model is compiled in: operations are
/// named as the API names them (`ec2`, `DescribeSubnets`), parameters and
/// results are JSON in the API's shape, and results are what
/// `aws ... --output json` prints for the same call.
///
/// Signing, sending, retries and error responses belong to the foundation's
/// `AWSRequestSender`; this type adds the models: validation, serialization,
/// parsing, pagination and waiters.
public struct AWSClient: Sendable {
    /// Chooses the endpoint (and signing region) of a service from its metadata.
    public typealias EndpointChooser = @Sendable (ServiceMetadata) throws -> ResolvedEndpoint

    public var sender: AWSRequestSender
    public var endpoint: EndpointChooser

    public init(sender: AWSRequestSender, endpoint: @escaping EndpointChooser) {
        self.sender = sender
        self.endpoint = endpoint
    }

    /// A client whose requests all go to `endpointURL` (a moto server, say),
    /// signed for `sender.region`.
    public init(sender: AWSRequestSender, endpointURL: Endpoint) {
        let region = sender.region
        self.init(sender: sender) { _ in
            ResolvedEndpoint(endpoint: endpointURL, signingRegion: region, source: .globalEnvironment)
        }
    }

    /// A client that uses the configuration's endpoint chain (`AWS_ENDPOINT_URL*`, profiles, AWS's defaults).
    public init(sender: AWSRequestSender, configuration: AWSConfiguration) {
        self.init(sender: sender) { metadata in
            try configuration.endpoint(serviceID: metadata.serviceId, endpointPrefix: metadata.endpointPrefix)
        }
    }

    /// The model and operation for `service` and `operation` (API or CLI spelling).
    public static func resolve(service: String, operation: String) throws -> (ServiceModel, OperationModel) {
        let model = try ServiceModel.named(service)
        return (model, try model.operation(operation))
    }

    /// Validates and serializes a call without sending it.
    public func request(service: String, operation: String, input: JSON) throws -> HTTPRequest {
        let (model, operationModel) = try Self.resolve(service: service, operation: operation)
        try ParameterValidator(model: model).validate(input, for: operationModel)
        return try RequestSerializer(model: model).request(operationModel, input: input, endpoint: try endpoint(model.metadata).endpoint)
    }

    /// One call: validated, sent, and parsed into the CLI's JSON. Throws
    /// `ParameterValidationError` before sending, `AWSServiceError` for an
    /// error answer.
    public func call(service: String, operation: String, input: JSON = .object(JSONObject())) async throws -> JSON {
        let (model, operationModel) = try Self.resolve(service: service, operation: operation)
        try ParameterValidator(model: model).validate(input, for: operationModel)
        return try await send(model, operationModel, input: input)
    }

    /// Every page of a paginated operation merged as the CLI merges them; a
    /// single call for an operation without a paginator, or when `input`
    /// already names a page token or page size.
    public func paginate(
        service: String, operation: String, input: JSON = .object(JSONObject()), onPage: (Int, JSON) -> Void = { _, _ in }
    ) async throws -> JSON {
        let (model, operationModel) = try Self.resolve(service: service, operation: operation)
        try ParameterValidator(model: model).validate(input, for: operationModel)
        guard let paginatorModel = model.paginators[operationModel.name] else {
            return try await send(model, operationModel, input: input)
        }
        let paginator = Paginator(model: paginatorModel)
        if paginator.isPagingByHand(input) {
            return try await send(model, operationModel, input: input)
        }
        return try await paginator.fullResult(input: input, fetch: { page in
            try await send(model, operationModel, input: page)
        }, onPage: onPage)
    }

    /// Whether the CLI would merge every page of this call (and so `paginate` does).
    public static func isPaginated(service: String, operation: String, input: JSON) throws -> Bool {
        let (model, operationModel) = try resolve(service: service, operation: operation)
        guard let paginatorModel = model.paginators[operationModel.name] else { return false }
        return !Paginator(model: paginatorModel).isPagingByHand(input)
    }

    /// Waits with the model's waiter (`InstanceRunning` or `instance-running`).
    /// Returns the response that satisfied it; throws `WaiterError` on failure
    /// or timeout and `CancellationError` when the task is cancelled.
    public func wait(
        service: String, waiter name: String, input: JSON = .object(JSONObject()),
        delay: Duration? = nil, maxAttempts: Int? = nil,
        sleep: (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        onAttempt: (WaiterAttempt) -> Void = { _ in }
    ) async throws -> JSON {
        let model = try ServiceModel.named(service)
        let waiterModel = try model.waiter(name)
        let operationModel = try model.operation(waiterModel.operation)
        try ParameterValidator(model: model).validate(input, for: operationModel)
        let waiter = Waiter(model: waiterModel, delay: delay, maxAttempts: maxAttempts)
        return try await waiter.run(poll: { try await send(model, operationModel, input: input) }, sleep: sleep, onAttempt: onAttempt)
    }

    /// The `aws` command that makes the same call.
    public static func cliCommand(service: String, operation: String, input: JSON, redactsSecrets: Bool = true) throws -> String {
        let (model, operationModel) = try resolve(service: service, operation: operation)
        return try CLICommand(model: model, operation: operationModel, input: input, redactsSecrets: redactsSecrets).text
    }

    private func send(_ model: ServiceModel, _ operation: OperationModel, input: JSON) async throws -> JSON {
        let resolved = try endpoint(model.metadata)
        // AWS's own endpoints take model host prefixes (servicediscovery's `data-`); an endpoint the user named does not.
        let request = try RequestSerializer(model: model).request(
            operation, input: input, endpoint: resolved.endpoint, injectHostPrefix: resolved.source == .awsDefault)
        var sender = self.sender
        sender.region = resolved.signingRegion
        let response = try await sender.send(request, signingName: model.metadata.signingName)
        return try ResponseParser(model: model).parse(response, for: operation)
    }
}

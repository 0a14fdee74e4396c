import JSON

/// One AWS service as its botocore model describes it: metadata, operations,
/// shapes, paginators and waiters. Models are compiled into the binary and
/// each is parsed the first time it is used.
public struct ServiceModel: Sendable {
    /// The name botocore and the `aws` CLI use for the service, e.g. `ec2`, `elbv2`.
    public let name: String
    public let metadata: ServiceMetadata
    public let operations: [String: OperationModel]
    public let shapes: [String: Shape]
    public let paginators: [String: PaginatorModel]
    public let waiters: [String: WaiterModel]
    private let operationsByCLIName: [String: String]

    /// The services whose models are compiled in.
    public static var serviceNames: [String] { ServiceModelData.serviceNames }

    /// The botocore release the compiled-in models were trimmed from.
    public static var botocoreVersion: String { ServiceModelData.botocoreVersion }

    /// The model of `service` (`ec2`, `ecs`, ...), parsed on first use.
    public static func named(_ service: String) throws(ServiceModelError) -> ServiceModel {
        guard let result = ServiceModelData.model(for: service.lowercased()) else {
            let known = serviceNames.joined(separator: ", ")
            throw ServiceModelError(message: "Unknown service \"\(service)\"; ecslab knows \(known).")
        }
        return try result.get()
    }

    static func decode(service: String, json text: String) -> Result<ServiceModel, ServiceModelError> {
        Result { () throws(ServiceModelError) -> ServiceModel in
            let json: JSON
            do {
                json = try JSON(parsing: text)
            } catch {
                throw ServiceModelError(message: "the compiled-in model of \(service) is not JSON: \(error)")
            }
            return try ServiceModel(name: service, bundle: json)
        }
    }

    /// Builds a model from the generated bundle `{"service", "paginators", "waiters"}`.
    public init(name: String, bundle: JSON) throws(ServiceModelError) {
        guard let service = bundle["service"], let metadata = service["metadata"]?.objectValue else {
            throw ServiceModelError(message: "the model of \(name) has no service metadata")
        }
        self.name = name
        self.metadata = try ServiceMetadata(metadata)
        var operations: [String: OperationModel] = [:]
        var byCLIName: [String: String] = [:]
        for (operationName, definition) in service["operations"]?.objectValue?.members ?? [] {
            guard let object = definition.objectValue else { continue }
            operations[operationName] = OperationModel(name: operationName, json: object)
            byCLIName[CLIName.kebab(operationName)] = operationName
        }
        self.operations = operations
        self.operationsByCLIName = byCLIName
        var shapes: [String: Shape] = [:]
        for (shapeName, definition) in service["shapes"]?.objectValue?.members ?? [] {
            guard let object = definition.objectValue else { continue }
            shapes[shapeName] = try Shape(name: shapeName, json: object)
        }
        self.shapes = shapes
        var paginators: [String: PaginatorModel] = [:]
        for (operationName, definition) in bundle["paginators"]?.objectValue?.members ?? [] {
            paginators[operationName] = PaginatorModel(definition)
        }
        self.paginators = paginators
        var waiters: [String: WaiterModel] = [:]
        for (waiterName, definition) in bundle["waiters"]?.objectValue?.members ?? [] {
            waiters[waiterName] = try WaiterModel(name: waiterName, json: definition)
        }
        self.waiters = waiters
    }

    /// The operation called `name`, given as the API names it (`DescribeSubnets`)
    /// or as the CLI does (`describe-subnets`).
    public func operation(_ name: String) throws(ServiceModelError) -> OperationModel {
        if let operation = operations[name] ?? operationsByCLIName[name].flatMap({ operations[$0] }) {
            return operation
        }
        let lowered = name.lowercased()
        if let match = operations.keys.first(where: { $0.lowercased() == lowered }), let operation = operations[match] {
            return operation
        }
        var message = "\(self.name) has no operation \"\(name)\""
        if let suggestion = EditDistance.closest(to: name, among: Array(operations.keys)) {
            message += "; did you mean \(suggestion)?"
        } else {
            message += "."
        }
        throw ServiceModelError(message: message)
    }

    public func shape(_ name: String) throws(ServiceModelError) -> Shape {
        guard let shape = shapes[name] else {
            throw ServiceModelError(message: "the model of \(self.name) has no shape \(name)")
        }
        return shape
    }

    /// The shape a reference targets, with the reference's traits laid over the shape's.
    public func resolve(_ reference: ShapeReference) throws(ServiceModelError) -> ResolvedShape {
        let shape = try shape(reference.target)
        return ResolvedShape(
            shape: shape, traits: reference.traits.resolved(over: shape.traits),
            idempotencyToken: reference.idempotencyToken)
    }

    /// The waiter called `name` (`InstanceRunning`, or the CLI's `instance-running`).
    public func waiter(_ name: String) throws(ServiceModelError) -> WaiterModel {
        if let waiter = waiters[name] { return waiter }
        if let match = waiters.keys.first(where: { CLIName.kebab($0) == name }), let waiter = waiters[match] {
            return waiter
        }
        var message = "\(self.name) has no waiter \"\(name)\""
        if let suggestion = EditDistance.closest(to: name, among: Array(waiters.keys)) {
            message += "; did you mean \(suggestion)?"
        } else {
            message += "."
        }
        throw ServiceModelError(message: message)
    }
}

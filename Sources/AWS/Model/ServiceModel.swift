import JSON

/// One AWS service as its botocore model describes it: metadata, operations,
/// shapes, paginators and waiters. Models are compiled into the binary and
/// each is parsed the first time it is used.
public struct ServiceModel: Sendable {
    /// The name botocore and the `aws` CLI use for the service, e.g. `ec2`, `elbv2`.
    public let name: String
    public let metadata: ServiceMetadata
    public let operations: ModelTable<OperationModel>
    public let shapes: ModelTable<Shape>
    public let paginators: [String: PaginatorModel]
    public let waiters: [String: WaiterModel]

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

    /// Reads the generated bundle `{"service", "paginators", "waiters"}`. Its
    /// metadata, paginators and waiters are parsed now; operations and shapes,
    /// nearly all of the text, only when a call needs them.
    static func decode(service: String, json text: String) -> Result<ServiceModel, ServiceModelError> {
        Result { () throws(ServiceModelError) -> ServiceModel in
            do {
                let bundle = try JSONObjectText(text)
                guard let definition = try bundle.object("service"), let metadata = try definition.value("metadata")?.objectValue else {
                    throw ServiceModelError(message: "the model of \(service) has no service metadata")
                }
                return try ServiceModel(
                    name: service, metadata: metadata,
                    operations: try definition.object("operations"), shapes: try definition.object("shapes"),
                    paginators: try bundle.value("paginators"), waiters: try bundle.value("waiters"))
            } catch let error as ServiceModelError {
                throw error
            } catch {
                throw ServiceModelError(message: "the compiled-in model of \(service) is not JSON: \(error)")
            }
        }
    }

    /// Builds a model from the generated bundle `{"service", "paginators", "waiters"}`.
    public init(name: String, bundle: JSON) throws(ServiceModelError) {
        guard let service = bundle["service"], let metadata = service["metadata"]?.objectValue else {
            throw ServiceModelError(message: "the model of \(name) has no service metadata")
        }
        func text(_ json: JSON?) throws(ServiceModelError) -> JSONObjectText? {
            guard let json else { return nil }
            do {
                return try JSONObjectText(json.formatted(.compact))
            } catch {
                throw ServiceModelError(message: "the model of \(name) is not JSON: \(error)")
            }
        }
        try self.init(
            name: name, metadata: metadata, operations: try text(service["operations"]), shapes: try text(service["shapes"]),
            paginators: bundle["paginators"], waiters: bundle["waiters"])
    }

    private init(
        name: String, metadata: JSONObject, operations: JSONObjectText?, shapes: JSONObjectText?, paginators paginatorsJSON: JSON?,
        waiters waitersJSON: JSON?
    ) throws(ServiceModelError) {
        self.name = name
        self.metadata = try ServiceMetadata(metadata)
        self.operations = ModelTable(operations ?? .empty, of: "operation of \(name)") { name, json in
            OperationModel(name: name, json: json)
        }
        self.shapes = ModelTable(shapes ?? .empty, of: "shape of \(name)") { name, json throws(ServiceModelError) in
            try Shape(name: name, json: json)
        }
        var paginators: [String: PaginatorModel] = [:]
        for (operationName, definition) in paginatorsJSON?.objectValue?.members ?? [] {
            paginators[operationName] = PaginatorModel(definition)
        }
        self.paginators = paginators
        var waiters: [String: WaiterModel] = [:]
        for (waiterName, definition) in waitersJSON?.objectValue?.members ?? [] {
            waiters[waiterName] = try WaiterModel(name: waiterName, json: definition)
        }
        self.waiters = waiters
    }

    /// The operation called `name`, given as the API names it (`DescribeSubnets`)
    /// or as the CLI does (`describe-subnets`).
    public func operation(_ name: String) throws(ServiceModelError) -> OperationModel {
        if let operation = try operations.value(name) { return operation }
        let lowered = name.lowercased()
        if let match = operations.keys.first(where: { CLIName.kebab($0) == name || $0.lowercased() == lowered }),
            let operation = try operations.value(match)
        {
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
        guard let shape = try shapes.value(name) else {
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

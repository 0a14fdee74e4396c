import AWS
import JMESPath
import JSON

/// Lint's questions answered by the compiled-in service models and the
/// JMESPath compiler.
public struct ModelCatalog: OperationCatalog {
    public init() {}

    public func problems(operation: OperationName, parameters: JSON) -> [OperationProblem] {
        let model: ServiceModel
        do {
            model = try ServiceModel.named(operation.service)
        } catch {
            return [
                OperationProblem(
                    "there is no service '\(operation.service)'",
                    suggestion: EditDistance.closest(to: operation.service, among: ServiceModel.serviceNames).map { "did you mean '\($0)'?" })
            ]
        }
        guard let operationModel = model.operations[operation.operation] else {
            return [
                OperationProblem(
                    "\(operation.service) has no operation '\(operation.operation)'",
                    suggestion: EditDistance.closest(to: operation.operation, among: model.operations.keys).map { "did you mean '\($0)'?" })
            ]
        }
        let templated = ModelCatalog.templatedPaths(parameters)
        let problems = (try? ParameterValidator(model: model).problems(in: parameters, for: operationModel)) ?? []
        return problems.compactMap { problem in
            // A `${...}` stands for a value of whatever type the member wants.
            if templated.contains(problem.path), !problem.message.hasPrefix("unknown") { return nil }
            let path = problem.path.isEmpty ? "" : " \(problem.path)"
            return OperationProblem("\(operation) parameter\(path): \(problem.message)", path: problem.path)
        }
    }

    public func knows(_ operation: OperationName) -> Bool {
        (try? ServiceModel.named(operation.service))?.operations[operation.operation] != nil
    }

    public func tagParameter(of operation: OperationName) -> TagParameter? {
        ModelTagParameter.find(for: operation)
    }

    public func waiters(of service: String) -> [String] {
        ((try? ServiceModel.named(service))?.waiters.keys).map { Array($0).sorted() } ?? []
    }

    public func expressionProblem(_ expression: String) -> String? {
        do {
            _ = try JMESPathExpression(expression)
            return nil
        } catch {
            return error.description
        }
    }

    /// Paths (`Filters[0].Values[0]`) whose value holds a `${...}` reference.
    static func templatedPaths(_ json: JSON, prefix: String = "") -> Set<String> {
        switch json {
        case .string(let text):
            return TemplateString.mayHoldReference(text) ? [prefix] : []
        case .array(let items):
            var paths: Set<String> = []
            for (index, item) in items.enumerated() { paths.formUnion(templatedPaths(item, prefix: "\(prefix)[\(index)]")) }
            return paths
        case .object(let object):
            var paths: Set<String> = []
            for (key, value) in object {
                paths.formUnion(templatedPaths(value, prefix: prefix.isEmpty ? key : "\(prefix).\(key)"))
            }
            return paths
        default:
            return []
        }
    }
}

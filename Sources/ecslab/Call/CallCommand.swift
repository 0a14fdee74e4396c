import AWS
import ArgumentParser
import Foundation
import JMESPath
import JSON
import Sandbox
import Course

/// `ecslab call <service> <Operation> [JSON]`: any operation of any course
/// service, answered as `aws <service> <operation> --output json` answers it.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call any operation of a course service, as the aws CLI would.",
        discussion: """
            Parameters are JSON in the API's own shape, e.g.
              ecslab call ec2 DescribeSubnets '{"Filters":[{"Name":"vpc-id","Values":["vpc-0a1b"]}]}'
            Operations that are not reads (Describe, List, Get) ask before they run unless --yes is given.
            """
    )

    @Argument(help: "The service, as the aws CLI names it (ec2, ecs, iam, logs, elbv2, ...).")
    var service: String = ""

    @Argument(help: "The operation, as the API names it (DescribeSubnets) or as the CLI does (describe-subnets).")
    var operation: String = ""

    @Argument(help: "The parameters as a JSON object.")
    var parameters: String?

    @Option(name: .customLong("cli-input-json"), help: ArgumentHelp("Read the parameters from a JSON file.", valueName: "file"))
    var inputFile: String?

    @Option(help: "A JMESPath query applied to the result, as aws --query.")
    var query: String?

    @Option(help: "json (default) or text, as aws --output.")
    var output: String = "json"

    @Option(name: .customLong("endpoint-url"), help: "Send the call to this endpoint (a moto server, say).")
    var endpointURL: String?

    @Option(help: "The region; otherwise AWS_REGION, AWS_DEFAULT_REGION or the profile's.")
    var region: String?

    @Option(help: "The profile in ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(help: ArgumentHelp(
        "Make several read calls in one process, from a JSON list of {\"service\", \"operation\", \"input\"}; prints one result per line.",
        valueName: "file"))
    var batch: String?

    @Flag(help: "Run an operation that changes something without asking.")
    var yes = false

    @Flag(help: "Show every request and response (secrets redacted) on standard error.")
    var debug = false

    @Flag(help: "Call the local AWS sandbox: the one `ecslab sandbox start` runs, or one for this call only.")
    var sandbox = false

    /// Exit codes as the aws CLI uses them.
    enum Status {
        static let usage: Int32 = 252
        static let serviceError: Int32 = 254
        static let other: Int32 = 255
        static let refused: Int32 = 2
        /// No credentials or no region: ecslab's own code for "set up AWS first".
        static let configuration: Int32 = 2
    }

    func validate() throws {
        if batch == nil && (service.isEmpty || operation.isEmpty) {
            throw ValidationError("Name a service and an operation, e.g. ecslab call ec2 DescribeVpcs.")
        }
    }

    func run() async throws {
        if let batch {
            return try await runBatch(batch)
        }
        let input: JSON
        let model: ServiceModel
        let operationModel: OperationModel
        let expression: JMESPathExpression?
        do {
            (model, operationModel) = try AWSClient.resolve(service: service, operation: operation)
            input = try readInput()
            expression = try query.map { try JMESPathExpression($0) }
            guard output == "json" || output == "text" else {
                throw CallFailure(message: "--output must be json or text, not \(output).", status: Status.usage)
            }
            try ParameterValidator(model: model).validate(input, for: operationModel)
        } catch {
            throw fail(error)
        }
        guard try confirm(model: model, operation: operationModel, input: input) else { return }
        do {
            let client = try await makeClient()
            var result = try await client.paginate(service: model.name, operation: operationModel.name, input: input)
            if let expression {
                result = try expression.evaluate(result)
            }
            print(render(result), terminator: "")
        } catch {
            throw fail(error, operation: operationModel.name)
        }
    }

    /// Read calls only, so a batch never needs confirmation; each result is
    /// printed compact on its own line (the benchmark reads them).
    private func runBatch(_ path: String) async throws {
        let calls: [(service: String, operation: String, input: JSON)]
        do {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CallFailure(message: "Cannot read the batch file \(path).", status: Status.usage)
            }
            guard case .array(let items) = try JSON(parsing: Array(data)) else {
                throw CallFailure(message: "The batch file \(path) must hold a JSON list.", status: Status.usage)
            }
            calls = try items.map { item in
                guard let service = item["service"]?.stringValue, let operation = item["operation"]?.stringValue else {
                    throw CallFailure(message: "Every call in \(path) needs a service and an operation.", status: Status.usage)
                }
                let (_, model) = try AWSClient.resolve(service: service, operation: operation)
                guard ["Describe", "List", "Get"].contains(where: { model.name.hasPrefix($0) }) else {
                    throw CallFailure(message: "\(service):\(model.name) is not a read; a batch may only read.", status: Status.usage)
                }
                return (service, operation, item["input"] ?? .object(JSONObject()))
            }
        } catch {
            throw fail(error)
        }
        let client: AWSClient
        do {
            client = try await makeClient()
        } catch {
            throw fail(error)
        }
        for call in calls {
            do {
                let result = try await client.paginate(service: call.service, operation: call.operation, input: call.input)
                print(result.text)
            } catch {
                throw fail(error, operation: call.operation)
            }
        }
    }

    func render(_ result: JSON) -> String {
        if output == "text" { return CLITextFormatter.format(result) }
        if case .object(let object) = result, object.isEmpty { return "" }
        return result.formatted(.awsCLI) + "\n"
    }

    private func readInput() throws -> JSON {
        if parameters != nil && inputFile != nil {
            throw CallFailure(message: "Give the parameters either as an argument or with --cli-input-json, not both.", status: Status.usage)
        }
        var text = parameters ?? "{}"
        var origin = "the parameters"
        if var path = inputFile {
            if path.hasPrefix("file://") { path.removeFirst("file://".count) }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CallFailure(message: "Cannot read the parameters file \(path).", status: Status.usage)
            }
            text = String(decoding: data, as: UTF8.self)
            origin = path
        }
        let json: JSON
        do {
            json = try JSON(parsing: text)
        } catch {
            throw CallFailure(message: "\(origin) are not valid JSON: \(error)", status: Status.usage)
        }
        guard json.objectValue != nil else {
            throw CallFailure(message: "The parameters must be a JSON object ({...}).", status: Status.usage)
        }
        return json
    }

    /// Reads run at once; anything else asks first, and without a terminal to ask on, refuses.
    private func confirm(model: ServiceModel, operation: OperationModel, input: JSON) throws -> Bool {
        if yes || ["Describe", "List", "Get"].contains(where: { operation.name.hasPrefix($0) }) { return true }
        let command = (try? AWSClient.cliCommand(service: model.name, operation: operation.name, input: input)) ?? ""
        guard isatty(STDIN_FILENO) == 1 else {
            FileHandle.standardError.write(Data("ecslab: \(model.name):\(operation.name) changes resources; run it again with --yes to confirm.\n".utf8))
            throw ExitCode(Status.refused)
        }
        FileHandle.standardError.write(Data("This will run:\n  \(command)\nProceed? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if answer == "y" || answer == "yes" { return true }
        FileHandle.standardError.write(Data("Not run.\n".utf8))
        throw ExitCode(Status.refused)
    }

    private func makeClient() async throws -> AWSClient {
        let sandboxSession = sandbox ? try await SandboxSession.open(state: StateDirectory(), searchFrom: [ExecutableFolder.url], region: region) : nil
        var configuration = try sandboxSession?.configuration() ?? AWSConfiguration.loadForCurrentProcess(profile: profile)
        if let region { configuration.region = region }
        let endpoint = try sandboxSession?.endpoint ?? endpointURL.map { try Endpoint(parsing: $0) }
        return try AWSSession(configuration: configuration, endpointOverride: endpoint, debugLog: debug ? .standardError() : nil).client
    }


    /// One clear line on standard error and the aws CLI's exit status.
    private func fail(_ error: Error, operation: String? = nil) -> Error {
        let message: String
        var status = Status.other
        switch error {
        case let failure as CallFailure:
            message = failure.message
            status = failure.status
        case let invalid as ParameterValidationError:
            message = "Invalid parameters:\n" + invalid.lines.joined(separator: "\n")
            status = Status.usage
        case let model as ServiceModelError:
            message = model.message
            status = Status.usage
        case let query as JMESPathError:
            message = "--query is not a valid JMESPath expression: \(query)"
            status = Status.usage
        case let credentials as CredentialsError:
            message = credentials.description
            status = Status.configuration
        case let configuration as AWSConfigurationError:
            message = configuration.description
            status = Status.configuration
        case let service as AWSServiceError:
            message = "An error occurred (\(service.code)) when calling the \(operation ?? self.operation) operation: \(service.message)"
            status = Status.serviceError
        default:
            message = "\(error)"
        }
        FileHandle.standardError.write(Data("ecslab: \(message)\n".utf8))
        return ExitCode(status)
    }
}

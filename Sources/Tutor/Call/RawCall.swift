import AWS
import Course
import Foundation
import JMESPath
import JSON
import Sandbox
import Terminal

/// One call of any operation of a course service, answered as
/// `aws SERVICE OPERATION --output json` answers it, with the aws CLI's
/// exit codes. Reads run at once; anything else is confirmed first.
public struct RawCall: Sendable {
    public let arguments: CallArguments
    public let console: Console
    /// Where the AWS settings come from, as the SDKs read them.
    public let environment: [String: String]

    public init(_ arguments: CallArguments, console: Console = .standard, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.arguments = arguments
        self.console = console
        self.environment = environment
    }

    /// A call checked and ready to make.
    public struct Prepared: Sendable {
        let call: RawCall
        let service: String
        let operation: String
        let input: JSON
        let expression: JMESPathExpression?
        /// The `aws` command it amounts to, shown before a change is confirmed.
        public let cliCommand: String
        /// Whether it may change something, and so must be confirmed.
        public let changes: Bool

        /// The question to confirm a change with.
        public var question: String { "This will run:\n  \(cliCommand)\nProceed?" }

        public func run() async throws {
            do {
                let client = try await call.makeClient()
                var result = try await client.paginate(service: service, operation: operation, input: input)
                if let expression { result = try expression.evaluate(result) }
                call.console.write(call.render(result))
            } catch {
                throw call.failure(error, operation: operation)
            }
        }
    }

    /// Checks the words and parameters against the service's model, so
    /// that a mistake is told before anything is sent.
    public func prepare() throws -> Prepared {
        do {
            let (model, operation) = try AWSClient.resolve(service: arguments.service, operation: arguments.operation)
            let input = try readInput()
            let expression = try arguments.query.map { try JMESPathExpression($0) }
            guard arguments.output == "json" || arguments.output == "text" else {
                throw CommandFailure(message: "--output must be json or text, not \(arguments.output).", status: CommandFailure.AWSCLIStatus.usage)
            }
            try ParameterValidator(model: model).validate(input, for: operation)
            return Prepared(
                call: self, service: model.name, operation: operation.name, input: input, expression: expression,
                cliCommand: (try? AWSClient.cliCommand(service: model.name, operation: operation.name, input: input)) ?? "",
                changes: !arguments.yes && !ReadOperation.isRead(service: model.name, operation: operation.name))
        } catch {
            throw failure(error, operation: arguments.operation)
        }
    }

    /// Refusing a change that nobody can confirm, or that was not confirmed.
    public func refusal(_ prepared: Prepared, asked: Bool) -> CommandFailure {
        CommandFailure(
            message: asked ? "Not run." : "\(prepared.service):\(prepared.operation) changes resources; run it again with --yes to confirm.",
            status: CommandFailure.AWSCLIStatus.refused)
    }

    /// Read calls only, so a batch never needs confirmation; each result is
    /// printed compact on its own line (the benchmark reads them).
    public func runBatch(_ path: String) async throws {
        let calls: [(service: String, operation: String, input: JSON)]
        let client: AWSClient
        do {
            let data = try InputFile.read(path, what: "the batch file")
            guard case .array(let items) = try JSON(parsing: Array(data)) else {
                throw CommandFailure(message: "The batch file \(path) must hold a JSON list.", status: CommandFailure.AWSCLIStatus.usage)
            }
            calls = try items.map { item in
                guard let service = item["service"]?.stringValue, let operation = item["operation"]?.stringValue else {
                    throw CommandFailure(message: "Every call in \(path) needs a service and an operation.", status: CommandFailure.AWSCLIStatus.usage)
                }
                let (_, model) = try AWSClient.resolve(service: service, operation: operation)
                guard ReadOperation.isRead(service: service, operation: model.name) else {
                    throw CommandFailure(message: "\(service):\(model.name) is not a read; a batch may only read.", status: CommandFailure.AWSCLIStatus.usage)
                }
                return (service, operation, item["input"] ?? .object(JSONObject()))
            }
            client = try await makeClient()
        } catch {
            throw failure(error, operation: arguments.operation)
        }
        for call in calls {
            do {
                console.out(try await client.paginate(service: call.service, operation: call.operation, input: call.input).text)
            } catch {
                throw failure(error, operation: call.operation)
            }
        }
    }

    func render(_ result: JSON) -> String {
        if arguments.output == "text" { return CLITextFormatter.format(result) }
        if case .object(let object) = result, object.isEmpty { return "" }
        return result.formatted(.awsCLI) + "\n"
    }

    private func readInput() throws -> JSON {
        if arguments.parameters != nil && arguments.inputFile != nil {
            throw CommandFailure(
                message: "Give the parameters either as an argument or with --cli-input-json, not both.", status: CommandFailure.AWSCLIStatus.usage)
        }
        var text = arguments.parameters ?? "{}"
        var origin = "the parameters"
        if var path = arguments.inputFile {
            if path.hasPrefix("file://") { path.removeFirst("file://".count) }
            text = String(decoding: try InputFile.read(path, what: "the parameters file"), as: UTF8.self)
            origin = path
        }
        let json: JSON
        do {
            json = try JSON(parsing: text)
        } catch {
            throw CommandFailure(message: "\(origin) are not valid JSON: \(error)", status: CommandFailure.AWSCLIStatus.usage)
        }
        guard json.objectValue != nil else {
            throw CommandFailure(message: "The parameters must be a JSON object ({...}).", status: CommandFailure.AWSCLIStatus.usage)
        }
        return json
    }

    func makeClient() async throws -> AWSClient {
        let sandboxSession =
            arguments.sandbox ? try await SandboxSession.open(state: StateDirectory(), searchFrom: [ExecutableFolder.url], region: arguments.region) : nil
        var configuration =
            try sandboxSession?.configuration()
            ?? AWSConfiguration.load(environment: environment, homeDirectory: AWSConfiguration.homeDirectory(environment), profile: arguments.profile)
        if let region = arguments.region { configuration.region = region }
        let endpoint = try sandboxSession?.endpoint ?? arguments.endpointURL.map { try Endpoint(parsing: $0) }
        return try AWSSession(configuration: configuration, endpointOverride: endpoint, debugLog: arguments.debug ? .standardError() : nil).client
    }

    func failure(_ error: any Error, operation: String) -> CommandFailure {
        CommandFailure.from(error, convention: .awsCLI(operation: operation))
    }
}

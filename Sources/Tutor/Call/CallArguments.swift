import ArgumentParser

/// The words of `call`, the same from the command line and at the tutor's
/// prompt: any operation of a course service, as the aws CLI takes it.
public struct CallArguments: ParsableArguments, Sendable {
    @Argument(help: "The service, as the aws CLI names it (ec2, ecs, iam, logs, elbv2, ...).")
    public var service: String = ""

    @Argument(help: "The operation, as the API names it (DescribeSubnets) or as the CLI does (describe-subnets).")
    public var operation: String = ""

    @Argument(help: "The parameters as a JSON object.")
    public var parameters: String?

    @Option(name: .customLong("cli-input-json"), help: ArgumentHelp("Read the parameters from a JSON file.", valueName: "file"))
    public var inputFile: String?

    @Option(help: "A JMESPath query applied to the result, as aws --query.")
    public var query: String?

    @Option(help: "json (default) or text, as aws --output.")
    public var output: String = "json"

    @Option(name: .customLong("endpoint-url"), help: "Send the call to this endpoint (a moto server, say).")
    public var endpointURL: String?

    @Option(help: "The region; otherwise AWS_REGION, AWS_DEFAULT_REGION or the profile's.")
    public var region: String?

    @Option(help: "The profile in ~/.aws/config and ~/.aws/credentials.")
    public var profile: String?

    @Option(help: ArgumentHelp(
        "Make several read calls in one process, from a JSON list of {\"service\", \"operation\", \"input\"}; prints one result per line.",
        valueName: "file"))
    public var batch: String?

    @Flag(help: "Run an operation that changes something without asking.")
    public var yes = false

    @Flag(help: "Show every request and response (secrets redacted) on standard error.")
    public var debug = false

    @Flag(help: "Call the local AWS sandbox: the one `ecslab sandbox start` runs, or one for this call only.")
    public var sandbox = false

    public init() {}

    public func validate() throws {
        if batch == nil && (service.isEmpty || operation.isEmpty) {
            throw ValidationError("Name a service and an operation, e.g. ecslab call ec2 DescribeVpcs.")
        }
    }
}

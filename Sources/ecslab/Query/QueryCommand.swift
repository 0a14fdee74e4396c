import ArgumentParser
import Tutor

/// `ecslab query EXPR [FILE]`: a JMESPath expression over saved JSON, printed
/// as `aws --output json` prints, so learners can practise `--query`.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Evaluate a JMESPath expression over JSON, as aws --query does.",
        discussion: """
            Reads JSON from FILE, or from standard input without one, and prints the result \
            indented as aws --output json prints it. For example:
              ecslab call ec2 DescribeSubnets > subnets.json
              ecslab query 'Subnets[?MapPublicIpOnLaunch].SubnetId' subnets.json
            Exit status: 1 when the expression cannot be evaluated over this JSON (a wrong type, \
            an unknown function, an undefined variable), 2 for a syntax error or unreadable input.
            """
    )

    @Argument(help: "The JMESPath expression.")
    var expression: String

    @Argument(help: "The JSON file to read; standard input when absent or '-'.")
    var file: String?

    func run() async throws {
        try await reportingFailures { try JSONQuery.run(expression, file: file) }
    }
}

import ArgumentParser
import Tutor

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

    @OptionGroup var arguments: CallArguments

    func run() async throws {
        try await reportingFailures(convention: .awsCLI(operation: arguments.operation)) {
            let call = RawCall(arguments)
            if let batch = arguments.batch { return try await call.runBatch(batch) }
            let prepared = try call.prepare()
            if prepared.changes {
                guard let ask = askOnTerminal() else { throw call.refusal(prepared, asked: false) }
                guard ask(prepared.question) else { throw call.refusal(prepared, asked: true) }
            }
            try await prepared.run()
        }
    }
}

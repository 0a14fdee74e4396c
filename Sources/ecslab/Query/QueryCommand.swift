import ArgumentParser
import Foundation
import JMESPath
import JSON

/// `ecslab query EXPR [FILE]`: a JMESPath expression over saved JSON, printed
/// as `aws --output json` prints, so learners can practise `--query`.
struct QueryCommand: ParsableCommand {
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

    enum Status {
        static let evaluationError: Int32 = 1
        static let badInput: Int32 = 2
    }

    func run() throws {
        // Compiled first, so that a mistyped expression fails at once
        // instead of after reading a large file or waiting on a pipe.
        let compiled: JMESPathExpression
        do {
            compiled = try JMESPathExpression(expression)
        } catch {
            throw fail(error)
        }
        let input = try readInput()
        do {
            print(try compiled.evaluate(input).formatted(.awsCLI))
        } catch {
            throw fail(error)
        }
    }

    private func readInput() throws -> JSON {
        let data: Data
        let origin: String
        if let file, file != "-" {
            origin = file
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw fail("\(file) does not exist.")
            }
            guard !isDirectory.boolValue else { throw fail("\(file) is a folder, not a JSON file.") }
            // Read from the open file to its end rather than with
            // FileManager.contents(atPath:), which gives nothing for pipes and
            // FIFOs: bash's `<(aws ...)`, `/dev/stdin`, a `mkfifo` file.
            guard let handle = FileHandle(forReadingAtPath: file) else { throw fail("\(file) cannot be read.") }
            defer { try? handle.close() }
            do {
                data = try handle.readToEnd() ?? Data()
            } catch {
                throw fail("\(file) cannot be read: \(error.localizedDescription)")
            }
        } else {
            origin = "standard input"
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            return try JSON(parsing: data)
        } catch {
            throw fail("\(origin) is not valid JSON: \(error).")
        }
    }

    /// A syntax error is a mistake in the expression itself (2); anything
    /// else went wrong evaluating it over this input (1).
    private func fail(_ error: JMESPathError) -> ExitCode {
        FileHandle.standardError.write(Data("ecslab: \(error)\n".utf8))
        return ExitCode(error.kind == .syntax ? Status.badInput : Status.evaluationError)
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("ecslab: \(message)\n".utf8))
        return ExitCode(Status.badInput)
    }
}

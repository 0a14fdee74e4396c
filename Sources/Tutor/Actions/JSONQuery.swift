import Foundation
import JMESPath
import JSON
import Terminal

/// A JMESPath expression over saved JSON, printed as `aws --output json`
/// prints, so learners can practise `--query`. It needs no account.
public enum JSONQuery {
    /// - Parameter file: the JSON to read; standard input when nil or `-`.
    public static func run(_ expression: String, file: String?, console: Console = .standard) throws {
        // Compiled first, so that a mistyped expression fails at once
        // instead of after reading a large file or waiting on a pipe.
        let compiled = try JMESPathExpression(expression)
        let data: Data
        let origin: String
        if let file, file != "-" {
            data = try InputFile.read(file, what: "a JSON file")
            origin = file
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
            origin = "standard input"
        }
        let input: JSON
        do {
            input = try JSON(parsing: data)
        } catch {
            throw CommandFailure.usage("\(origin) is not valid JSON: \(error).")
        }
        console.out(try compiled.evaluate(input).formatted(.awsCLI))
    }
}

import AWS
import ArgumentParser
import Course
import Foundation

/// A command that cannot go on: one sentence for the user and an exit code.
/// Course commands exit 0 when everything passed, 1 when something failed,
/// 2 for a usage or configuration problem.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 2) }
    static func failed(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 1) }

    var description: String { message }

    /// The exit code and message for any error a course command meets, so
    /// no error ever reaches the user as a stack trace or a type dump.
    static func from(_ error: any Error, language: Language = .en) -> CommandFailure {
        switch error {
        case let failure as CommandFailure: return failure
        case let error as any LocalizedFailure: return .failed(error.localizedMessage[language])
        case let error as CredentialsError: return .usage(error.description)
        case let error as AWSConfigurationError: return .usage(error.description)
        case let error as EndpointParseError: return .usage(error.description)
        case let error as ServiceModelError: return .usage(error.message)
        case let error as ParameterValidationError: return .failed(error.description)
        case let error as AWSServiceError: return .failed(language == .zh ? "AWS 回答：\(error)" : "AWS answered: \(error)")
        case let error as LedgerError: return .failed(error.description)
        case let error as ProgressError: return .usage(error.description)
        case let error as TaggingError: return .failed(error.description)
        default: return .failed(String(describing: error))
        }
    }

    /// Prints the message on standard error and ends with its exit code.
    func exit() -> ExitCode {
        Console.error("ecslab: \(message)")
        return ExitCode(status)
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning any error into one line and the right exit code.
    func reportingFailures(in language: Language = .en, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CleanExit {
            throw error
        } catch {
            throw CommandFailure.from(error, language: language).exit()
        }
    }
}

import AWS
import Course
import Foundation
import JMESPath

/// A command that cannot go on: one sentence for the user, an exit code,
/// and where a setting is to blame, what to do about it.
///
/// Course commands exit 0 when everything passed, 1 when something failed,
/// 2 for a usage or configuration problem; `call` keeps the aws CLI's codes.
public struct CommandFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var status: Int32
    /// How to fix it, in both languages, when the fix is known.
    public var fix: TutorText?

    public init(message: String, status: Int32, fix: TutorText? = nil) {
        self.message = message
        self.status = status
        self.fix = fix
    }

    public static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 2) }
    public static func failed(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 1) }

    public var description: String { message }

    /// `text` with a full stop, unless it ends a question.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("?") ? text : text + "."
    }

    /// Whose exit codes and wording a command follows.
    public enum Convention: Sendable, Equatable {
        /// ecslab's own: 0, 1 and 2.
        case course
        /// The aws CLI's, for `call`: the operation named is the one that failed.
        case awsCLI(operation: String)
    }

    /// The aws CLI's exit codes.
    public enum AWSCLIStatus {
        public static let usage: Int32 = 252
        public static let serviceError: Int32 = 254
        public static let other: Int32 = 255
        /// A change the user did not confirm.
        public static let refused: Int32 = 2
        /// No credentials or no region: ecslab's own code for "set up AWS first".
        public static let configuration: Int32 = 2
    }

    /// The one mapping from any error a command meets to what the user is
    /// told and the exit code, so no error reaches them as a stack trace or
    /// a type dump.
    public static func from(_ error: any Error, language: Language = .en, convention: Convention = .course) -> CommandFailure {
        if let failure = error as? CommandFailure { return failure }
        let aws: Bool
        if case .awsCLI = convention { aws = true } else { aws = false }
        let usage = aws ? AWSCLIStatus.usage : 2
        let configuration = aws ? AWSCLIStatus.configuration : 2
        let failed = aws ? AWSCLIStatus.other : 1
        switch error {
        case let error as any LocalizedFailure:
            return CommandFailure(message: error.localizedMessage[language], status: failed, fix: FailureFix.of(error))
        case let error as CredentialsError:
            return CommandFailure(message: error.description, status: configuration, fix: .fixCredentials)
        case let error as AWSConfigurationError:
            return CommandFailure(message: error.description, status: configuration, fix: FailureFix.of(error))
        case let error as EndpointParseError:
            return CommandFailure(message: error.description, status: usage, fix: .fixEndpoint)
        case let error as ServiceModelError:
            return CommandFailure(message: error.message, status: usage)
        case let error as ParameterValidationError:
            // For a course command the parameters are a lesson's or a check's: a
            // mistake in the course, said on one line before anything is sent.
            return aws
                ? CommandFailure(message: "Invalid parameters:\n" + error.lines.joined(separator: "\n"), status: usage)
                : CommandFailure(message: Self.sentence(error.lines.joined(separator: "; ")), status: usage)
        case let error as JMESPathError:
            if aws { return CommandFailure(message: "--query is not a valid JMESPath expression: \(error)", status: usage) }
            // A mistake in the expression itself, or one evaluating it over this input.
            return CommandFailure(message: "\(error)", status: error.kind == .syntax ? 2 : 1)
        case let error as InputFileError:
            return CommandFailure(message: error.description, status: usage)
        case let error as RosterError:
            // A roster the instructor wrote that cannot be graded from: a
            // configuration problem, already naming the file and line.
            return CommandFailure(message: error.description, status: usage)
        case let error as AWSServiceError:
            let fix = FailureFix.of(error)
            if case .awsCLI(let operation) = convention {
                return CommandFailure(
                    message: "An error occurred (\(error.code)) when calling the \(operation) operation: \(error.message)",
                    status: AWSCLIStatus.serviceError, fix: fix)
            }
            // A web page is no answer of AWS's: the endpoint is wrong.
            if !error.isAWSAnswer { return CommandFailure(message: "\(error)", status: 1, fix: .fixEndpoint) }
            // Keys AWS refuses are a setting to fix, as missing ones are.
            let status: Int32 = FailureFix.rejectsCredentials(error) ? configuration : 1
            return CommandFailure(message: TutorText.awsAnswered(language, ["error": "\(error)"]), status: status, fix: fix)
        case let error as LedgerError:
            // The state folder is the machine's to fix, as for progress.
            return CommandFailure(message: error.description, status: configuration)
        case let error as StateFolderError:
            return CommandFailure(message: error.description, status: configuration)
        case let error as ProgressError:
            return CommandFailure(message: error.description, status: usage)
        case let error as TaggingError:
            return CommandFailure(message: error.description, status: failed)
        default:
            return CommandFailure(message: String(describing: error), status: failed)
        }
    }
}

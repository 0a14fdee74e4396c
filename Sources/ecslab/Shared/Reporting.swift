import ArgumentParser
import Course
import Terminal
import Tutor

extension AsyncParsableCommand {
    /// Runs `body`, turning any error into one line on standard error and
    /// the right exit code, through the one error mapping.
    func reportingFailures(
        in language: Language = .en, convention: CommandFailure.Convention = .course, _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CleanExit {
            throw error
        } catch {
            let failure = CommandFailure.from(error, language: language, convention: convention)
            Console.standard.error("ecslab: \(failure.message)")
            throw ExitCode(failure.status)
        }
    }

    /// Asks on the terminal, or says that nobody can answer there.
    func askOnTerminal(defaultYes: Bool = false) -> (@Sendable (String) -> Bool)? {
        guard let ask = askingOnTerminal() else { return nil }
        return { question in ask(question, defaultYes) }
    }

    /// The same, each question with its own default answer.
    func askingOnTerminal() -> (@Sendable (String, Bool) -> Bool)? {
        guard TerminalStyle.inputIsTerminal else { return nil }
        return { question, defaultYes in PlainLineReader.askingOnStandardError().confirm(question, defaultYes: defaultYes) }
    }
}

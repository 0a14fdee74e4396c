import Foundation

/// Reads lines from standard input when it is not a terminal. No prompt
/// is printed: the output of a script is then just what the tutor says.
public final class PlainLineReader: LineReader {
    public var completion = CompletionSource()
    private let showQuestion: @Sendable (String) -> Void

    /// - Parameter showQuestion: where a question goes; by default a line
    ///   of its own on standard output, as the tutor's transcript shows it.
    public init(showQuestion: @escaping @Sendable (String) -> Void = { try? FileHandle.standardOutput.write(contentsOf: Data(($0 + "\n").utf8)) }) {
        self.showQuestion = showQuestion
    }

    /// Questions on standard error, the answer typed on the same line: for
    /// commands whose standard output is a report.
    public static func askingOnStandardError() -> PlainLineReader {
        PlainLineReader { try? FileHandle.standardError.write(contentsOf: Data(($0 + " ").utf8)) }
    }

    public func read(prompt: String) -> LineInput {
        readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }

    public func ask(_ question: String) -> LineInput {
        showQuestion(question)
        return read(prompt: "")
    }
}

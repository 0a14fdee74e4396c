import Foundation

/// Reads lines from standard input when it is not a terminal. No prompt
/// is printed: the output of a script is then just what the tutor says.
public final class PlainLineReader: LineReader {
    public var completion = CompletionSource()

    public init() {}

    public func read(prompt: String) -> LineInput {
        readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }

    public func ask(_ question: String) -> LineInput {
        FileHandle.standardOutput.write(Data((question + "\n").utf8))
        return read(prompt: "")
    }
}

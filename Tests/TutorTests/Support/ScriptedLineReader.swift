import Terminal

/// A learner at the prompt, typing the lines of a script: each read takes
/// the next line and writes the prompt and the line into the transcript, as
/// a terminal would show them. The end of the script is Ctrl-D.
final class ScriptedLineReader: LineReader {
    var completion = CompletionSource()
    private var lines: [String]
    private let transcript: Transcript

    init(_ lines: [String], transcript: Transcript) {
        self.lines = lines
        self.transcript = transcript
    }

    func read(prompt: String) -> LineInput {
        guard !lines.isEmpty else {
            transcript.write(prompt + "^D\n")
            return .end
        }
        let line = lines.removeFirst()
        transcript.write(prompt + line + "\n")
        return .line(line)
    }

    func ask(_ question: String) -> LineInput {
        read(prompt: question + " ")
    }
}

/// What one read of the command line gave.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Reads the learner's command lines: with libedit on a terminal, plain
/// lines otherwise, so that scripts and tests can drive the tutor.
public protocol LineReader: AnyObject {
    func read(prompt: String) -> LineInput
    /// Asks for one answer (a yes/no, a quiz choice) without recording it in
    /// the history.
    func ask(_ question: String) -> LineInput
    /// What Tab offers; updated when the lesson changes.
    var completion: CompletionSource { get set }
}

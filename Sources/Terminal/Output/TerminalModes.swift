import Foundation

/// The terminal's settings when the tutor started, to put back when it is
/// ended by a signal in the middle of line editing.
public struct TerminalModes: Sendable {
    private let saved: termios?

    public init() {
        var modes = termios()
        saved = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &modes) == 0 ? modes : nil
    }

    public func restore() {
        guard var modes = saved else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
    }
}

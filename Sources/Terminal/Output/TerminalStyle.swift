import Foundation

/// ANSI styles, and the one rule for when they are used: only on a
/// terminal, and never with `NO_COLOR` set (no-color.org).
public struct TerminalStyle: Sendable {
    public let colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public static let plain = TerminalStyle(colors: false)

    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        TerminalStyle(colors: isTerminal(STDOUT_FILENO) && (environment["NO_COLOR"].map(\.isEmpty) ?? true))
    }

    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }
    public static var inputIsTerminal: Bool { isTerminal(STDIN_FILENO) }
    /// Whether a spinner may redraw its line in place: both ends are a terminal.
    public static var canAnimate: Bool { inputIsTerminal && isTerminal(STDOUT_FILENO) }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

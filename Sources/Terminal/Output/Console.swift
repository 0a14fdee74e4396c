import Foundation

/// Where a program's words go: standard output and standard error, or a
/// transcript in tests, so that everything the tutor says can be asserted
/// without a terminal.
public struct Console: Sendable {
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        writeOut = out
        writeError = error
    }

    /// A write to a terminal that is gone (a closed window: EIO) is lost
    /// rather than fatal: the tutor must live on to stop what it started.
    public static let standard = Console(
        out: { try? FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) }, error: { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) })

    /// One line on standard output.
    public func out(_ line: String) { writeOut(line + "\n") }
    /// One line on standard error.
    public func error(_ line: String) { writeError(line + "\n") }
    /// Text on standard output as it is, without a line break.
    public func write(_ text: String) { writeOut(text) }
    /// Text on standard error as it is, without a line break.
    public func writeToError(_ text: String) { writeError(text) }
}

import Foundation

/// What the sandbox tells the user on standard error: every simulation,
/// always, labelled "simulated"; every change to a request or result that
/// works around moto, with `--debug`.
public struct SandboxNotices: Sendable {
    public var debug: Bool
    let write: @Sendable (String) -> Void

    public init(debug: Bool, write: @escaping @Sendable (String) -> Void) {
        self.debug = debug
        self.write = write
    }

    public static func standardError(debug: Bool) -> SandboxNotices {
        SandboxNotices(debug: debug) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    public static let silent = SandboxNotices(debug: false) { _ in }

    func simulated(_ text: String) { write("sandbox (simulated): \(text)") }

    func quirk(_ text: String) {
        if debug { write("sandbox: \(text)") }
    }
}

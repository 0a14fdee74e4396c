import Course
import Foundation

/// What the sandbox tells the user on standard error: every simulation,
/// always, labelled "simulated"; every change to a request or result that
/// works around moto, with `--debug`.
public struct SandboxNotices: Sendable {
    public var debug: Bool
    /// The learner's language, for what is simulated; debug notes stay English.
    public var language: Language
    let write: @Sendable (String) -> Void

    public init(debug: Bool, language: Language = .en, write: @escaping @Sendable (String) -> Void) {
        self.debug = debug
        self.language = language
        self.write = write
    }

    public static func standardError(debug: Bool, language: Language) -> SandboxNotices {
        SandboxNotices(debug: debug, language: language) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    public static let silent = SandboxNotices(debug: false) { _ in }

    func simulated(zh: String, en: String) {
        write(language == .zh ? "沙箱（模拟）：\(zh)" : "sandbox (simulated): \(en)")
    }

    func quirk(_ text: String) {
        if debug { write("sandbox: \(text)") }
    }
}

import Course
import Foundation
import Synchronization

/// What the sandbox tells the user on standard error: every simulation,
/// always, labelled "simulated"; every change to a request or result that
/// works around moto, with `--debug`.
public struct SandboxNotices: Sendable {
    public var debug: Bool
    /// Shared by every copy (the simulators each keep one), so that the
    /// tutor's `lang` reaches them all.
    private let spoken: Spoken
    let write: @Sendable (String) -> Void

    public init(debug: Bool, language: Language = .en, write: @escaping @Sendable (String) -> Void) {
        self.debug = debug
        self.spoken = Spoken(language)
        self.write = write
    }

    /// The learner's language, for what is simulated; debug notes stay English.
    public var language: Language { spoken.language.withLock { $0 } }

    /// From now on, every copy speaks `language`.
    public func speak(_ language: Language) {
        spoken.language.withLock { $0 = language }
    }

    private final class Spoken: Sendable {
        let language: Mutex<Language>
        init(_ language: Language) { self.language = Mutex(language) }
    }

    public static func standardError(debug: Bool, language: Language) -> SandboxNotices {
        SandboxNotices(debug: debug, language: language) { line in try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8)) }
    }

    public static let silent = SandboxNotices(debug: false) { _ in }

    func simulated(zh: String, en: String) {
        write(LocalizedText(zh: "沙箱（模拟）：\(zh)", en: "sandbox (simulated): \(en)")[language])
    }

    func quirk(_ text: String) {
        if debug { write("sandbox: \(text)") }
    }
}

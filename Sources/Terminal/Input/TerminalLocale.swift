import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// libedit turns the prompt and what is typed into wide characters with the
/// C library's character set. In the "C" locale (a program's default, and
/// what a machine without the learner's locale installed falls back to) a
/// Chinese prompt cannot be converted, and libedit fails on it. The tutor
/// writes UTF-8 in any case, so it reads UTF-8 too.
public enum TerminalLocale {
    public static func adopt() {
        if setlocale(LC_CTYPE, "") != nil, isUTF8 { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8 { return }
        }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Whether the user's locale, as the environment names it, is UTF-8:
    /// the first of LC_ALL, LC_CTYPE and LANG that is set. With none, the
    /// locale is POSIX's, which is not.
    public static func namesUTF8(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = name.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}

import Synchronization
import Terminal

/// Everything a session wrote, in order, standard error marked `!` at the
/// start of each of its lines so a test sees which stream said what.
final class Transcript: Sendable {
    private let text = Mutex("")

    func write(_ part: String) {
        text.withLock { $0 += part }
    }

    var console: Console {
        Console(out: { self.write($0) }, error: { self.write(Transcript.marked($0)) })
    }

    private static func marked(_ part: String) -> String {
        var lines = part.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ended = lines.last == ""
        if ended { lines.removeLast() }
        return lines.map { "! " + $0 }.joined(separator: "\n") + (ended ? "\n" : "")
    }

    var contents: String { text.withLock { $0 } }
    var lines: [String] { contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

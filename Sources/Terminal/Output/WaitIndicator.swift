import Foundation
import Synchronization

/// Shows that the program is waiting: on a terminal a spinner with what is
/// awaited and the time so far, redrawn in place; otherwise one line per
/// thing awaited, so that logs stay readable. The words are the caller's.
public final class WaitIndicator: Sendable {
    /// What the indicator says while `seconds` have passed.
    public typealias Words = @Sendable (_ seconds: Int) -> String

    private struct State: Sendable {
        var awaited: String?
        var started = ContinuousClock.now
        var words: Words = { _ in "" }
        var hint: String?
        var frame = 0
        var ticker: Task<Void, Never>?
    }

    private static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    private let state = Mutex(State())
    /// Whether it draws a spinner in place (on a terminal).
    public let animated: Bool
    private let write: @Sendable (String) -> Void

    public init(animated: Bool, write: @escaping @Sendable (String) -> Void = { try? FileHandle.standardOutput.write(contentsOf: Data($0.utf8)) }) {
        self.animated = animated
        self.write = write
    }

    /// Starts (or retargets) the wait on `awaited`, described by `words`;
    /// the spinner also shows `hint` (how to stop waiting, say).
    public func begin(_ awaited: String, words: @escaping Words, hint: String? = nil) {
        // Work that Ctrl-C cancelled may still report a wait on its way out;
        // drawing it would cover the prompt the user is back at.
        if Task.isCancelled { return }
        let isNew: Bool = state.withLock { state in
            let isNew = state.awaited != awaited
            if state.awaited == nil { state.started = .now }
            state.awaited = awaited
            state.words = words
            state.hint = hint
            return isNew
        }
        guard animated else {
            if isNew { write("… " + words(0) + "\n") }
            return
        }
        let needsTicker = state.withLock { $0.ticker == nil }
        guard needsTicker else { return }
        let ticker = Task { [weak self] in
            while !Task.isCancelled {
                self?.draw()
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        state.withLock { $0.ticker = ticker }
    }

    /// Ends the wait and clears the spinner's line.
    public func end() {
        let ticker: Task<Void, Never>? = state.withLock { state in
            let ticker = state.ticker
            let wasWaiting = state.awaited != nil
            state.ticker = nil
            state.awaited = nil
            return wasWaiting ? ticker : nil
        }
        guard animated, let ticker else { return }
        ticker.cancel()
        write("\r\u{1B}[2K")
    }

    /// Runs `body` with the indicator showing `awaited`.
    public func showing<T: Sendable>(
        _ awaited: String, words: @escaping Words, hint: String? = nil, _ body: () async throws -> T
    ) async rethrows -> T {
        begin(awaited, words: words, hint: hint)
        defer { end() }
        return try await body()
    }

    private func draw() {
        let line: String? = state.withLock { state in
            guard state.awaited != nil else { return nil }
            state.frame = (state.frame + 1) % WaitIndicator.frames.count
            let seconds = Int((ContinuousClock.now - state.started).components.seconds)
            let hint = state.hint.map { " · " + $0 } ?? ""
            return "\r\u{1B}[2K\(WaitIndicator.frames[state.frame]) \(state.words(seconds))\(hint)"
        }
        if let line { write(line) }
    }
}

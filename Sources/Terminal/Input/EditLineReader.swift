import CEditLine
import Foundation

/// The command line on a terminal, on libedit: Emacs keys, a history file
/// kept across runs, Ctrl-R searching it, and Tab completing from
/// `completion`.
public final class EditLineReader: LineReader {
    public var completion = CompletionSource()
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    private let historyFile: URL?
    /// libedit asks for the prompt through a C callback and keeps using the
    /// pointer while it draws: the prompt lives here, at a fixed address.
    private var promptText: UnsafeMutablePointer<CChar>? = strdup("")

    /// - Parameter historyFile: where the history is loaded from and saved to.
    public init?(historyFile: URL?) {
        TerminalLocale.adopt()
        guard let editLine = ecslab_el_init_stdio("ecslab"), let history = history_init() else { return nil }
        self.editLine = editLine
        self.history = history
        self.historyFile = historyFile
        ecslab_history_set_size(history, &event, 1000)
        ecslab_history_set_unique(history, &event, 1)
        if let historyFile, FileManager.default.fileExists(atPath: historyFile.path) {
            ecslab_history_load(history, &event, historyFile.path)
        }
        ecslab_el_set_string(editLine, EL_EDITOR, "emacs")
        ecslab_el_set_history(editLine, history)
        ecslab_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        ecslab_el_set_prompt(editLine) { editLine in
            guard let editLine, let reader = EditLineReader.reader(of: editLine) else { return nil }
            return reader.promptText
        }
        ecslab_el_add_function(editLine, "ecslab-complete", "Complete the word at the cursor") { editLine, _ in
            guard let editLine, let reader = EditLineReader.reader(of: editLine) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor()
        }
        ecslab_el_bind(editLine, "^I", "ecslab-complete")
        // Emacs's incremental search backwards; libedit leaves ^R on redisplay.
        ecslab_el_bind(editLine, "^R", "em-inc-search-prev")
        // The learner's own ~/.editrc may change any of the above.
        el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptText)
    }

    private static func reader(of editLine: OpaquePointer) -> EditLineReader? {
        guard let data = ecslab_el_get_client_data(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    public func read(prompt: String) -> LineInput {
        setPrompt(prompt)
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count >= 0 else { return .end }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            ecslab_history_enter(history, &event, line)
            if let historyFile { ecslab_history_save(history, &event, historyFile.path) }
        }
        return .line(line)
    }

    public func ask(_ question: String) -> LineInput {
        setPrompt(question + " ")
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count), count >= 0 else { return .end }
        return .line(String(cString: raw).trimmingCharacters(in: .newlines))
    }

    private func setPrompt(_ text: String) {
        free(promptText)
        promptText = strdup(text)
    }

    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine), let buffer = info.pointee.buffer, let cursor = info.pointee.cursor else {
            return UInt8(CC_ERROR)
        }
        let start = UnsafeRawPointer(buffer)
        let length = UnsafeRawPointer(cursor) - start
        let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: max(0, length))
        let before = String(decoding: bytes, as: UTF8.self)
        let result = Completer(source: completion).complete(Substring(before))
        if !result.insertion.isEmpty {
            el_insertstr(editLine, result.insertion)
            return UInt8(CC_REFRESH)
        }
        if result.candidates.isEmpty { return UInt8(CC_ERROR) }
        try? FileHandle.standardOutput.write(contentsOf: Data(("\n" + result.candidates.joined(separator: "  ") + "\n").utf8))
        return UInt8(CC_REDISPLAY)
    }
}

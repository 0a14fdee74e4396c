import Foundation
import TestSupport

/// With `ECSLAB_BAD_INPUT_RECORD=FILE`, every bad input's command, exit
/// status and sentence are appended to FILE as JSON lines: the README's
/// table of bad inputs is drafted from what the tests saw, word for word.
enum BadInputRecord {
    static func note(_ arguments: [String], _ outcome: BuiltExecutable.Outcome) {
        guard let path = ProcessInfo.processInfo.environment["ECSLAB_BAD_INPUT_RECORD"], !path.isEmpty else { return }
        let line: [String: Any] = ["command": (["ecslab"] + arguments).joined(separator: " "), "status": outcome.status, "stderr": outcome.standardError]
        guard var data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) else { return }
        data.append(UInt8(ascii: "\n"))
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(data)
            handle.closeFile()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
    }
}

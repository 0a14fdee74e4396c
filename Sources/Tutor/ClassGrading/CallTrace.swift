import Foundation
import JSON
import Synchronization

/// `--trace FILE`: one JSON line per AWS call grading made, written as it
/// is made. Inputs are the checks' own parameters, which hold no secrets;
/// keys and tokens never pass through here.
public final class CallTrace: Sendable {
    private let handle: Mutex<FileHandle?>

    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CommandFailure.usage("cannot write the trace file \(path)") }
        self.handle = Mutex(handle)
    }

    func record(_ line: JSON) {
        let bytes = Data((line.formatted(.compact) + "\n").utf8)
        handle.withLock { handle in try? handle?.write(contentsOf: bytes) }
    }

    public func close() {
        handle.withLock { handle in
            try? handle?.close()
            handle = nil
        }
    }
}

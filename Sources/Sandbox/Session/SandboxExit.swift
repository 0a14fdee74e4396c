import Foundation
import Synchronization

/// Servers a command started for itself are stopped when the process exits,
/// however it exits (an error, `ExitCode`, the end of `run`).
enum SandboxExit {
    private static let sessions = Mutex<[SandboxSession]>([])
    private static let installed = Mutex(false)

    static func register(_ session: SandboxSession) {
        sessions.withLock { $0.append(session) }
        let first = installed.withLock { installed in
            defer { installed = true }
            return !installed
        }
        if first { atexit { SandboxExit.closeAll() } }
    }

    static func closeAll() {
        let all = sessions.withLock { sessions in
            defer { sessions.removeAll() }
            return sessions
        }
        for session in all { session.close() }
    }
}

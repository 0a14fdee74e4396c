import Foundation

/// Why the sandbox could not do what was asked, in one sentence with the fix.
public enum SandboxError: Error, CustomStringConvertible, Equatable {
    case virtualEnvironmentMissing(searched: [String])
    case spawnFailed(program: String, reason: String)
    case serverDidNotStart(port: Int, logTail: String)
    case notRunning(folder: String)
    case stateFolder(String)

    public var description: String {
        switch self {
        case .virtualEnvironmentMissing(let searched):
            return "The sandbox needs moto from the project virtualenv, and there is none (looked in \(searched.joined(separator: ", "))); run scripts/setup in a checkout, or scripts/install, or set ECSLAB_VENV."
        case .spawnFailed(let program, let reason):
            return "Could not start \(program): \(reason)."
        case .serverDidNotStart(let port, let logTail):
            let detail = logTail.isEmpty ? "" : " Its last words: \(logTail)"
            return "The sandbox server did not start on 127.0.0.1:\(port).\(detail)"
        case .notRunning(let folder):
            return "No sandbox is running for the state directory \(folder); start one with ecslab sandbox start."
        case .stateFolder(let reason):
            return "The sandbox cannot use its state folder: \(reason)."
        }
    }
}

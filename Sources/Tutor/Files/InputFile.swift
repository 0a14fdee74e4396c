import Foundation

/// Reading a file the user named: any readable path, a pipe, `/dev/stdin`
/// or a process substitution (`<(cmd)`) as much as a regular file.
public enum InputFile {
    public static func read(_ path: String, what: String) throws(InputFileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path) }
        guard !isDirectory.boolValue else { throw .folder(path, what: what) }
        // Read from the open file to its end rather than with
        // FileManager.contents(atPath:), which gives nothing for pipes and
        // FIFOs: bash's `<(aws ...)`, `/dev/stdin`, a `mkfifo` file.
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, reason: nil) }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw .unreadable(path, reason: error.localizedDescription)
        }
    }
}

/// Why a file the user named could not be read: a usage problem.
public enum InputFileError: Error, Sendable, CustomStringConvertible {
    case missing(String)
    case folder(String, what: String)
    case unreadable(String, reason: String?)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path) does not exist."
        case .folder(let path, let what): return "\(path) is a folder, not \(what)."
        case .unreadable(let path, let reason): return "\(path) cannot be read" + (reason.map { ": \($0)" } ?? "") + "."
        }
    }
}

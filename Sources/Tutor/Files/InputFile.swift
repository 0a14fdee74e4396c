import Foundation

/// Reading a file the user named: any readable path, a pipe, `/dev/stdin`
/// or a process substitution (`<(cmd)`) as much as a regular file, with one
/// sentence for what went wrong.
public enum InputFile {
    public static func read(_ path: String, what: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(message: "\(path) does not exist.", status: CommandFailure.AWSCLIStatus.usage)
        }
        guard !isDirectory.boolValue else {
            throw CommandFailure(message: "\(path) is a folder, not \(what).", status: CommandFailure.AWSCLIStatus.usage)
        }
        // FileHandle reads until the end, which is what a pipe needs;
        // FileManager.contents(atPath:) gives up on anything but a file.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(message: "\(path) cannot be read.", status: CommandFailure.AWSCLIStatus.usage)
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw CommandFailure(message: "\(path) cannot be read: \(error.localizedDescription)", status: CommandFailure.AWSCLIStatus.usage)
        }
    }
}

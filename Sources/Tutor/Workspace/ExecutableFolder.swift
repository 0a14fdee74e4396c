import Foundation

/// The folder of the running ecslab, symlinks resolved: a checkout's `.venv`
/// and `lessons/` are found above it, an install's course beside it.
public enum ExecutableFolder {
    public static var url: URL {
        // Started from PATH, argv[0] is a bare `ecslab`: the kernel knows the file.
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map(URL.init(fileURLWithPath:))
        return (running ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

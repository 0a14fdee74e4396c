import Foundation

/// The folder of the running ecslab, symlinks resolved: a checkout's `.venv`
/// and `lessons/` are found above it.
public enum ExecutableFolder {
    public static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

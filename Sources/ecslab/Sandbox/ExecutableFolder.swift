import Foundation

/// The folder of the running ecslab, symlinks resolved: a checkout's `.venv`
/// and `lessons/` are found above it.
enum ExecutableFolder {
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program the sandbox runs in the background (moto, a learner's app),
/// known by its pid so that a later ecslab process can stop it.
public struct ChildProcess: Sendable, Equatable {
    public let pid: Int32

    public init(pid: Int32) {
        self.pid = pid
    }

    /// How far a child is set apart from the terminal of the command that starts it.
    enum Detachment: Sendable {
        /// In the command's process group: Ctrl-C at the terminal ends both.
        case none
        /// A process group of its own: Ctrl-C at the terminal (which goes to
        /// the foreground group) does not reach it; the command ends it.
        case processGroup
        /// Apart from the terminal altogether (setsid), as a daemon is: it
        /// outlives the command and the terminal.
        case daemon
    }

    /// Starts `program` with its output appended to `log`. Signals are reset:
    /// a parent may block SIGTERM (test runners do), and a child inheriting
    /// that mask could never be stopped politely.
    static func spawn(
        _ program: String, arguments: [String], environment: [String: String], directory: String?, log: String,
        detachment: Detachment
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else is inherited: a server holding its parent's lock file
        // or a test runner's pipe keeps them open for as long as it lives.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        switch detachment {
        case .none: break
        case .processGroup:
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        case .daemon: flags |= Self.setSessionFlag
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        // posix_spawn has no portable "change directory" action; a shell
        // that changes directory and then becomes the program does it.
        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, program] + arguments } ?? [program] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SandboxError.spawnFailed(program: program, reason: String(cString: strerror(result)))
        }
        return ChildProcess(pid: pid)
    }

    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    /// glibc's POSIX_SPAWN_SETSID, which Swift does not import (it sits behind _GNU_SOURCE).
    private static let setSessionFlag: Int32 = 0x80

    /// Alive and not a zombie: a child that exited but was never reaped (its
    /// parent gone, or busy) still answers `kill(pid, 0)`.
    public var isAlive: Bool {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            return state != "Z" && state != "X"
        }
        return true
    }

    /// The command line, to be sure a recorded pid is still the program we started.
    public var commandLine: String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    /// SIGTERM, then SIGKILL if it has not gone within `grace` seconds.
    public func stop(grace: Double = 3) {
        guard isAlive else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if !isAlive { return }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        let hardDeadline = Date().addingTimeInterval(2)
        while Date() < hardDeadline, isAlive { usleep(20_000) }
    }
}

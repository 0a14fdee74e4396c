import Foundation
import TestSupport
import XCTest

/// A real terminal for the tutor: a tmux session on its own server, driven
/// by keys and read back as the screen a person would see (colours and
/// cursor movement already applied by tmux).
final class TmuxTerminal {
    private let socket = "ecslab-repl-\(UUID().uuidString.prefix(8))"
    private let config: URL

    /// Starts `program arguments` with `environment` in an 160×50 terminal.
    init(_ program: URL, _ arguments: [String], environment: [String: String]) throws {
        try TestEnvironment.need("tmux", FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"))
        config = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        // The pane stays after the tutor exits, so its last words can be read.
        try Data("set -g remain-on-exit on\nset -g history-limit 5000\n".utf8).write(to: config)
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        try tmux(["-f", config.path, "new-session", "-d", "-s", "tutor", "-x", "160", "-y", "50", "--", "env", "-i"] + assignments + [program.path] + arguments)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: config)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "tutor", "-l", text])
    }

    /// Presses keys by tmux's names: Enter, Tab, Up, C-c, C-r.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "tutor"] + keys)
    }

    /// Types a line and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// Everything on the screen and in its scrollback, without the empty
    /// lines below the cursor. Trailing spaces stay: a prompt ends in one.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "tutor"]).trimmingCharacters(in: .newlines)
    }

    /// The last line with text: where the cursor's line or the prompt is.
    func lastLine() throws -> String {
        try screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Waits until `text` has appeared `count` times, then returns the screen.
    /// A wait that never ends fails the test with the screen it got.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var screen = ""
        let giveUp = Date().addingTimeInterval(60)
        while Date() < giveUp {
            screen = try self.screen()
            if screen.components(separatedBy: text).count - 1 >= count { return screen }
            // A program that has ended will show nothing more.
            if try hasExited(), try self.screen() == screen { break }
            usleep(50_000)
        }
        // The last lines only, without control characters: XCTest drops a
        // failure message that holds a whole crash report.
        let tail = screen.split(separator: "\n", omittingEmptySubsequences: false).suffix(40)
            .map { String($0.unicodeScalars.filter { $0.value >= 32 || $0 == "\t" }.map(Character.init)) }
            .joined(separator: "\n")
        XCTFail("\"\(text)\" never appeared \(count) time(s); the screen ended:\n\(tail)", file: file, line: line)
        throw XCTSkip("the terminal did not show what was expected")
    }

    /// Closes the terminal, as closing its window does: the program gets SIGHUP.
    func close() throws {
        try tmux(["kill-session", "-t", "tutor"])
    }

    /// Whether the program in the pane has ended.
    func hasExited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "tutor", "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The process id of the program in the pane (env execs it).
    func programID() throws -> pid_t {
        pid_t(try tmux(["display-message", "-p", "-t", "tutor", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func waitForExit(file: StaticString = #filePath, line: UInt = #line) throws {
        let giveUp = Date().addingTimeInterval(60)
        while Date() < giveUp {
            if try hasExited() { return }
            usleep(50_000)
        }
        XCTFail("the tutor did not exit; the screen was:\n\(try screen())", file: file, line: line)
    }

    /// Runs tmux and returns what it printed. posix_spawn, not Process:
    /// Foundation's Process waits for every descendant to close a socket it
    /// hands down, and the tmux server that new-session leaves behind never does.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = (["tmux", "-u", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}

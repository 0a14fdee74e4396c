import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// builders/kill_proxy.py in front of a moto server, and the ecslab it
/// kills: the proxy passes the Nth changing call on to moto, holds its
/// answer back and prints `killed-at N OPERATION`; the moment that line
/// arrives, the ecslab running through the proxy gets SIGKILL, while it
/// waits for the answer. The kill comes from the proxy's line, never from a
/// timer, so a slow machine only makes the test slower.
final class KillProxy: @unchecked Sendable {
    let url: String
    private let process: Process
    private let lock = NSLock()
    private var running: Process?
    private var killedLine: String?
    private let calls: URL

    init(upstream: String, killAt n: Int, python: URL, folder: URL) throws {
        process = Process()
        process.executableURL = python
        process.arguments = [LearnerAccount.builders.appendingPathComponent("kill_proxy.py").path, upstream, String(n)]
        process.environment = ["PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "LC_ALL": "C.UTF-8"]
        calls = folder.appendingPathComponent("proxy-calls-\(n).txt")
        _ = FileManager.default.createFile(atPath: calls.path, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: calls)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        guard let first = Self.line(from: reader), let port = Int(first) else {
            kill(process.processIdentifier, SIGKILL)
            throw CleanupFailure("kill_proxy.py printed no port")
        }
        url = "http://127.0.0.1:\(port)"
        let thread = Thread { [self] in self.watch(reader) }
        thread.start()
    }

    /// The line the proxy printed when it held a call back, if it did.
    var killedAt: String? { lock.withLock { killedLine } }

    /// The changing calls the proxy counted, in order (`call K OPERATION`).
    var countedCalls: [String] {
        ((try? String(contentsOf: calls, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Runs `ecslab` through the proxy to completion or to its kill: the
    /// exit status, and whether the proxy killed it.
    func run(_ ecslab: URL, _ arguments: [String], environment: [String: String], output: URL) throws -> (status: Int32, killed: Bool) {
        let child = Process()
        child.executableURL = ecslab
        child.arguments = arguments + ["--endpoint-url", url]
        child.environment = environment
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        child.standardOutput = try FileHandle(forWritingTo: output)
        child.standardError = child.standardOutput
        child.standardInput = FileHandle.nullDevice
        try lock.withLock {
            try child.run()
            running = child
            // The line may have come before this run began (it cannot for a
            // fresh proxy, but a proxy reused across commands could).
            if killedLine != nil { kill(child.processIdentifier, SIGKILL) }
        }
        child.waitUntilExit()
        lock.withLock { running = nil }
        return (child.terminationStatus, child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    private func watch(_ reader: FileHandle) {
        while let line = Self.line(from: reader) {
            guard line.hasPrefix("killed-at ") else { continue }
            lock.withLock {
                killedLine = line
                if let running { kill(running.processIdentifier, SIGKILL) }
            }
        }
    }

    /// One line from a pipe, read a byte at a time so nothing after it is
    /// taken from the next reader; nil at the end.
    private static func line(from reader: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            guard let data = try? reader.read(upToCount: 1), let byte = data.first else {
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}

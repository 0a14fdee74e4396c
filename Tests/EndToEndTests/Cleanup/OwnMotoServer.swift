import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A moto server of one test's own, from the project virtualenv, on a free
/// loopback port. `cleanup all` and `reap` act on a whole account and
/// region, and the kill test makes dozens of accounts: on a server of their
/// own, these tests can neither meet another test's resources nor slow the
/// suite's shared server down. The test stops it in tearDown.
///
/// `ECSLAB_TEST_PORTS=LOW-HIGH` keeps the port inside a range, for machines
/// where other servers hold fixed ports; otherwise the kernel picks one.
final class OwnMotoServer: @unchecked Sendable {
    let url: String
    let log: URL
    private let process: Process

    init() throws {
        let program = try TestEnvironment.venvProgram("moto_server")
        let port = try Self.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-cleanup-moto-\(port)-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = program
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var environment = ProcessInfo.processInfo.environment
        // The course attaches AWS managed policies, which moto has only with this.
        environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        url = "http://127.0.0.1:\(port)"
        try waitUntilListening(port)
    }

    /// Python children inherit a blocked SIGTERM from the test runner, so
    /// only SIGKILL stops them.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }

    /// Polls until the server accepts a connection: moto takes under a
    /// second to start, and a server that never listens fails the test with
    /// its log rather than hanging it.
    private func waitUntilListening(_ port: Int) throws {
        for _ in 0..<600 {
            if Self.accepts(port) { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw CleanupFailure("moto_server did not start on port \(port):\n\(said)")
    }

    static func accepts(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A port nothing listens on: the first free one of ECSLAB_TEST_PORTS,
    /// or one the kernel hands out. Another process could take it before
    /// moto binds it; moto then fails to start and the test says so.
    static func freePort() throws -> Int {
        if let range = ProcessInfo.processInfo.environment["ECSLAB_TEST_PORTS"], !range.isEmpty {
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else { throw CleanupFailure("ECSLAB_TEST_PORTS is LOW-HIGH, not \(range)") }
            // Started at a random place, so that servers started at once rarely try the same port.
            let ports = Array(bounds[0]...bounds[1])
            let start = Int.random(in: 0..<ports.count)
            for offset in 0..<ports.count {
                let port = ports[(start + offset) % ports.count]
                if bindable(port) != nil { return port }
            }
            throw CleanupFailure("no free port in ECSLAB_TEST_PORTS=\(range)")
        }
        guard let port = bindable(0) else { throw CleanupFailure("the kernel gave no free loopback port") }
        return port
    }

    /// Binds `port` on loopback and lets it go; the port bound, or nil.
    private static func bindable(_ port: Int) -> Int? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = loopback(port)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard bound else { return nil }
        var found = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &found) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) == 0 }
        }
        return named ? Int(UInt16(bigEndian: found.sin_port)) : nil
    }

    private static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// builders/fault_proxy.py in front of a moto server: it breaks a share of
/// the calls passing through it (error answers in each protocol's shape,
/// resets, dropped connections, slow and truncated answers) and logs each
/// call and each fault, which `log` reads back.
final class FaultProxy: @unchecked Sendable {
    struct Settings: Sendable {
        /// The share of calls broken, 0...1.
        var rate: Double
        var seed: Int
        /// Some of the proxy's kinds; nil for its default mix.
        var kinds: [String]?
        /// A request faulted this many times in a row passes the next
        /// time: with the SDKs' three attempts, 2 lets every call through.
        var maxInARow: Int?
        /// The first calls pass untouched.
        var startAfter = 0
        /// `before` or `after`: only the faults that strike there; nil for both.
        var places: String?
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("builders/fault_proxy.py")

    let url: String
    let settings: Settings
    private let logFile: URL
    private let process: Process

    init(upstream: String, settings: Settings, python: URL, folder: URL) throws {
        self.settings = settings
        logFile = folder.appendingPathComponent("faults-\(UUID().uuidString).log")
        var arguments = [Self.script.path, upstream, "--rate", String(settings.rate), "--seed", String(settings.seed), "--log", logFile.path]
        if let kinds = settings.kinds { arguments += ["--kinds", kinds.joined(separator: ",")] }
        if let maxInARow = settings.maxInARow { arguments += ["--max-in-a-row", String(maxInARow)] }
        if settings.startAfter > 0 { arguments += ["--start-after", String(settings.startAfter)] }
        if let places = settings.places { arguments += ["--places", places] }
        let errors = folder.appendingPathComponent("fault-proxy-stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process = Process()
        process.executableURL = python
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "LC_ALL": "C.UTF-8"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The port line, read a byte at a time: the proxy prints nothing else there.
        var line: [UInt8] = []
        while let data = try? output.fileHandleForReading.read(upToCount: 1), let byte = data.first, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw CleanupFailure("fault_proxy.py printed no port:\n\(said)")
        }
        url = "http://127.0.0.1:\(port)"
    }

    /// Every call and fault so far.
    var log: FaultLog { FaultLog((try? String(contentsOf: logFile, encoding: .utf8)) ?? "") }

    /// Python children inherit a blocked SIGTERM from the test runner, so
    /// only SIGKILL stops them.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}

import Foundation
import TestSupport

/// A loopback HTTP server that gives every request the same answer: a web
/// server where AWS was expected, or AWS's own answer to an expired token,
/// which moto cannot be made to give.
final class StandInServer {
    let url: String
    private let process: Process

    /// Reads the body whole, so the client never sees a reset connection.
    private static let script = """
        import http.server, sys
        status, content_type, body = int(sys.argv[1]), sys.argv[2], sys.argv[3].encode()
        class Answer(http.server.BaseHTTPRequestHandler):
            def answer(self):
                self.rfile.read(int(self.headers.get('Content-Length') or 0))
                self.send_response(status)
                self.send_header('Content-Type', content_type)
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            do_GET = do_POST = do_PUT = do_DELETE = answer
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Answer)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    init(status: Int, contentType: String, body: String) throws {
        process = Process()
        process.executableURL = try TestEnvironment.venvProgram("python")
        process.arguments = ["-c", Self.script, String(status), contentType, body]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        url = "http://127.0.0.1:\(port)"
    }

    /// SIGKILL: the test runner may start children with SIGTERM blocked.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A loopback port that nothing listens on: bound, then let go.
    static func closedPort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 ? getsockname(descriptor, socketAddress, &length) : -1
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

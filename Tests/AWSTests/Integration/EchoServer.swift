import Foundation
import TestSupport
import XCTest

/// A keep-alive HTTP/1.1 server on loopback that answers every request with
/// a JSON echo of it (method, path, headers, body), or answers `/slow` after
/// a minute. moto closes every connection, so connection reuse and the exact
/// bytes on the wire are measured here. Runs on the project's Python.
///
/// Three paths break the answer the ways a bad network does: `/truncated`
/// promises more bytes than it sends and closes, `/reset` closes with a TCP
/// reset, `/nothing` closes without a word.
final class EchoServer {
    let process = Process()
    let port: Int

    private static let script = #"""
    import http.server, json, socket, ssl, struct, sys, time
    class Echo(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def handle_one(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            if self.path == "/slow":
                time.sleep(60)
            if self.path in ("/reset", "/nothing"):
                if self.path == "/reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.rfile.close()
                self.connection.close()
                self.close_connection = True
                return
            out = json.dumps({"method": self.command, "path": self.path,
                              "headers": [[k, v] for k, v in self.headers.items()], "body": body}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            truncated = self.path == "/truncated"
            self.send_header("Content-Length", str(len(out) + 100 if truncated else len(out)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(out)
            if truncated:
                self.wfile.flush()
                self.close_connection = True
        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = handle_one
        def log_message(self, *args):
            pass
    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True
    server = Server(("127.0.0.1", 0), Echo)
    if len(sys.argv) > 2:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#

    /// With `selfSignedTLS`, the server speaks HTTPS with a certificate
    /// for `localhost` that no authority signed.
    init(selfSignedTLS: Bool = false) throws {
        process.executableURL = try TestEnvironment.venvProgram("python")
        process.arguments = ["-c", Self.script]
        if selfSignedTLS {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-echo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let certificate = folder.appendingPathComponent("cert.pem").path
            let key = folder.appendingPathComponent("key.pem").path
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ]
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            guard openssl.terminationStatus == 0 else { throw EchoServerError(message: "openssl could not make a certificate") }
            process.arguments? += [certificate, key]
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw EchoServerError(message: "the echo server did not start: \(line)")
        }
        self.port = port
    }

    deinit {
        // SIGKILL, not terminate(): the child inherits the test runner's
        // blocked signals, SIGTERM among them.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

struct EchoServerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

@testable import AWS
import Foundation
import JSON
import XCTest

final class CurlTransportTests: XCTestCase {
    func testRecognisesLoopbackHosts() {
        for host in ["127.0.0.1", "127.255.10.3", "localhost", "LocalHost.", "::1", "[::1]", "0:0:0:0:0:0:0:1"] {
            XCTAssertTrue(LoopbackHost.contains(host), host)
        }
        for host in ["10.0.0.1", "192.168.1.10", "128.0.0.1", "example.com", "127.example.com", "localhost.evil.com", "::2", "", "1.2.3"] {
            XCTAssertFalse(LoopbackHost.contains(host), host)
        }
    }

    func testPlainHTTPToAnotherHostIsRefusedBeforeSending() async {
        let transport = CurlTransport()
        for host in ["example.com", "10.1.2.3", "169.254.169.254"] {
            let request = HTTPRequest(method: "GET", scheme: "http", host: host, port: 8080)
            do {
                _ = try await transport.send(request)
                XCTFail("expected \(host) to be refused")
            } catch {
                XCTAssertEqual(error as? AWSTransportError, AWSTransportError(kind: .insecureEndpoint, host: "\(host):8080"))
                XCTAssertEqual("\(error)", "Refusing to send a request to \(host):8080 over plain http://; only loopback hosts (127.0.0.0/8, ::1, localhost) may use http, so use an https:// endpoint.")
            }
        }
        XCTAssertEqual(transport.openedConnectionCount, 0)
    }

    func testRefusedConnectionIsATypedTransportError() async throws {
        let port = try Self.unusedPort()
        let transport = CurlTransport(options: CurlTransportOptions(connectTimeout: .seconds(5)))
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port))
            XCTFail("expected the connection to be refused")
        } catch let error as AWSTransportError {
            XCTAssertEqual(error.kind, .connectionRefused)
            XCTAssertEqual(error.description, "Could not connect to 127.0.0.1:\(port): the connection was refused (is the server running?).")
        }
    }

    func testReusesTheConnectionForLaterCalls() async throws {
        let server = try EchoServer()
        let transport = CurlTransport()
        for path in ["/one", "/two", "/three"] {
            let response = try await transport.send(HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: server.port, path: path))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(try Self.echoed(response)["path"], .string(path))
        }
        XCTAssertEqual(transport.openedConnectionCount, 1)
    }

    func testSendsExactlyTheRequestAndReturnsTheWholeResponse() async throws {
        let server = try EchoServer()
        let transport = CurlTransport()
        let body = "Action=GetCallerIdentity&Version=2011-06-15&Note=" + String(repeating: "é", count: 3000)
        let request = HTTPRequest(
            method: "POST", scheme: "http", host: "127.0.0.1", port: server.port, path: "/a%20b/", query: "x=1&y=%2F",
            headers: HTTPHeaders([("Host", "127.0.0.1:\(server.port)"), ("X-Amz-Date", "20240101T000000Z"), ("X-Empty", "")]),
            body: Array(body.utf8)
        )
        let response = try await transport.send(request)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["Content-Type"], "application/json")
        let echo = try Self.echoed(response)
        XCTAssertEqual(echo["method"], .string("POST"))
        XCTAssertEqual(echo["path"], .string("/a%20b/?x=1&y=%2F"))
        XCTAssertEqual(echo["body"], .string(body))
        // Only what the request carries, plus Content-Length: no Accept,
        // Content-Type, Expect or User-Agent of libcurl's own.
        XCTAssertEqual(echo["headers"], .array([
            .array([.string("Host"), .string("127.0.0.1:\(server.port)")]),
            .array([.string("X-Amz-Date"), .string("20240101T000000Z")]),
            .array([.string("X-Empty"), .string("")]),
            .array([.string("Content-Length"), .string("\(body.utf8.count)")]),
        ]))
    }

    func testSendsEveryMethod() async throws {
        let server = try EchoServer()
        let transport = CurlTransport()
        for (method, body) in [("GET", ""), ("PUT", "{\"a\":1}"), ("DELETE", ""), ("PATCH", "p"), ("POST", "")] {
            let response = try await transport.send(HTTPRequest(
                method: method, scheme: "http", host: "127.0.0.1", port: server.port, path: "/m", body: Array(body.utf8)
            ))
            let echo = try Self.echoed(response)
            XCTAssertEqual(echo["method"], .string(method))
            XCTAssertEqual(echo["body"], .string(body), method)
        }
        let head = try await transport.send(HTTPRequest(method: "HEAD", scheme: "http", host: "127.0.0.1", port: server.port))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
    }

    func testTotalTimeoutEndsASlowCall() async throws {
        let server = try EchoServer()
        let transport = CurlTransport(options: CurlTransportOptions(totalTimeout: .milliseconds(300)))
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: server.port, path: "/slow"))
            XCTFail("expected a timeout")
        } catch let error as AWSTransportError {
            XCTAssertEqual(error.kind, .timeout)
            XCTAssertEqual(error.description, "The request to 127.0.0.1:\(server.port) did not complete before the timeout ran out.")
            XCTAssertEqual(RetryableErrorClassifier.reason(for: error), .timeout)
        }
    }

    /// An answer cut short, reset or never sent is a connection that broke,
    /// which the standard retry mode tries again: a learner on a bad network
    /// gets their answer on the next attempt rather than an error.
    func testBrokenAnswersAreResetsThatAreRetried() async throws {
        let server = try EchoServer()
        let transport = CurlTransport(options: CurlTransportOptions(totalTimeout: .seconds(20)))
        for path in ["/truncated", "/reset", "/nothing"] {
            do {
                let response = try await transport.send(HTTPRequest(method: "POST", scheme: "http", host: "127.0.0.1", port: server.port, path: path))
                XCTFail("\(path): expected a broken connection, got HTTP \(response.status) with \(response.body.count) bytes")
            } catch let error as AWSTransportError {
                XCTAssertEqual(error.kind, .connectionReset, "\(path): \(error.detail)")
                XCTAssertEqual(error.description, "The connection to 127.0.0.1:\(server.port) was closed before the response was complete.")
                XCTAssertEqual(RetryableErrorClassifier.reason(for: error), .transient, path)
            }
        }
        // The transport is still good for the retry.
        let response = try await transport.send(HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: server.port, path: "/after"))
        XCTAssertEqual(response.status, 200)
    }

    func testCancellingTheTaskAbortsTheTransfer() async throws {
        let server = try EchoServer()
        let transport = CurlTransport()
        let request = HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: server.port, path: "/slow")
        let task = Task { try await transport.send(request) }
        // Let the transfer start; the server holds /slow for a minute, so
        // this test finishing at all shows the transfer was aborted.
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
    }

    func testVerifiesTheServerCertificate() async throws {
        let server = try EchoServer(selfSignedTLS: true)
        let transport = CurlTransport()
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", host: "localhost", port: server.port))
            XCTFail("expected a self-signed certificate to be refused")
        } catch let error as AWSTransportError {
            XCTAssertEqual(error.kind, .tls)
            XCTAssertEqual(
                error.description,
                "The TLS connection to localhost:\(server.port) failed: SSL certificate problem: self-signed certificate."
            )
        }
    }

    func testManyConcurrentCallsAllComplete() async throws {
        let server = try EchoServer()
        let transport = CurlTransport(options: CurlTransportOptions(maximumConcurrentTransfers: 3))
        let port = server.port
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let response = try await transport.send(HTTPRequest(
                        method: "GET", scheme: "http", host: "127.0.0.1", port: port, path: "/\(index)"
                    ))
                    guard case .string(let path)? = try Self.echoed(response)["path"] else { return "" }
                    return path
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(Set(paths), Set((0..<20).map { "/\($0)" }))
        XCTAssertLessThanOrEqual(transport.openedConnectionCount, 3)
    }

    private static func echoed(_ response: HTTPResponse) throws -> JSONObject {
        guard case .object(let object) = try JSON(parsing: response.body) else {
            throw EchoServerError(message: "the echo is not an object")
        }
        return object
    }

    /// A loopback port on which nothing listens.
    static func unusedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw EchoServerError(message: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

import Foundation
import JSON
import TestSupport
import XCTest
@testable import AWS

/// The SigV4 test suite shared by the AWS SDKs (aws-c-auth's `v4` cases):
/// every case's header-signed form must match byte for byte.
final class SigV4SuiteTests: XCTestCase {
    func testEveryHeaderCaseMatches() throws {
        let suite = try TestEnvironment.testdata("sigv4")
        let cases = try FileManager.default.contentsOfDirectory(atPath: suite.path)
            .filter { name in
                FileManager.default.fileExists(atPath: suite.appendingPathComponent(name).appendingPathComponent("request.txt").path)
            }
            .sorted()
        XCTAssertEqual(cases.count, 38, "the suite should hold 38 cases")
        var passed = 0
        for name in cases {
            if try check(suite.appendingPathComponent(name), name: name) { passed += 1 }
        }
        XCTAssertEqual(passed, cases.count)
        print("SigV4 suite: \(passed) of \(cases.count) header cases passed")
    }

    /// Checks one case and returns whether all four forms matched.
    private func check(_ folder: URL, name: String) throws -> Bool {
        func read(_ file: String) throws -> String {
            try String(decoding: Data(contentsOf: folder.appendingPathComponent(file)), as: UTF8.self)
        }
        let context = try SuiteContext(json: JSON(parsing: read("context.json")))
        let raw = try RawHTTPRequest(parsing: read("request.txt"))
        var request = raw.httpRequest
        let signer = SigV4Signer(
            region: context.region, service: context.service, normalizePath: context.normalize,
            signBody: context.signBody, signsSessionToken: !context.omitSessionToken, keyCache: SigningKeyCache()
        )
        let details = signer.signWithDetails(&request, credentials: context.credentials, date: context.date)
        var signed = raw
        signed.headers = request.headers

        let expectations = [
            ("canonical request", try read("header-canonical-request.txt"), details.canonicalRequest),
            ("string to sign", try read("header-string-to-sign.txt"), details.stringToSign),
            ("signature", try read("header-signature.txt"), details.signature),
            ("signed request", try read("header-signed-request.txt"), signed.serialized),
        ]
        var matched = true
        for (what, expected, actual) in expectations where expected != actual {
            XCTFail("\(name): the \(what) differs.\nexpected:\n\(expected)\nactual:\n\(actual)")
            matched = false
        }
        return matched
    }
}

/// A case's `context.json`: the credentials, scope, time and options it signs with.
private struct SuiteContext {
    var credentials: AWSCredentials
    var region: String
    var service: String
    var date: Date
    var normalize: Bool
    var signBody: Bool
    var omitSessionToken: Bool

    init(json: JSON) throws {
        let keys = try XCTUnwrap(json["credentials"])
        credentials = AWSCredentials(
            accessKeyID: try XCTUnwrap(keys["access_key_id"]?.stringValue),
            secretAccessKey: try XCTUnwrap(keys["secret_access_key"]?.stringValue),
            sessionToken: keys["token"]?.stringValue
        )
        region = try XCTUnwrap(json["region"]?.stringValue)
        service = try XCTUnwrap(json["service"]?.stringValue)
        date = try XCTUnwrap(ISO8601DateFormatter().date(from: try XCTUnwrap(json["timestamp"]?.stringValue)))
        normalize = json["normalize"]?.boolValue ?? true
        signBody = json["sign_body"]?.boolValue ?? false
        omitSessionToken = json["omit_session_token"]?.boolValue ?? false
    }
}

/// A raw HTTP/1.1 request as the suite writes it: the target exactly as on
/// the request line (it may hold spaces and UTF-8), header values untouched,
/// folded continuation lines kept with their line breaks.
struct RawHTTPRequest {
    var method: String
    var target: String
    var version: String
    var headers: HTTPHeaders
    var body: String

    init(parsing text: String) throws {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let requestLine = try XCTUnwrap(lines.first)
        let firstSpace = try XCTUnwrap(requestLine.firstIndex(of: " "))
        let lastSpace = try XCTUnwrap(requestLine.lastIndex(of: " "))
        method = String(requestLine[..<firstSpace])
        target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        version = String(requestLine[requestLine.index(after: lastSpace)...])

        var fields: [(String, String)] = []
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t" {
                let last = try XCTUnwrap(fields.popLast(), "a continuation line before any header")
                fields.append((last.0, last.1 + "\n" + line))
            } else {
                let colon = try XCTUnwrap(line.firstIndex(of: ":"), "a header line without a colon: \(line)")
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
            index += 1
        }
        headers = HTTPHeaders(fields)
        body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
    }

    var httpRequest: HTTPRequest {
        let path: Substring
        let query: Substring
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target[...]
            query = ""
        }
        return HTTPRequest(
            method: method, host: headers["Host"] ?? "", path: String(path), query: String(query),
            headers: headers, body: Array(body.utf8)
        )
    }

    var serialized: String {
        var text = "\(method) \(target) \(version)\n"
        for field in headers.fields { text += "\(field.name):\(field.value)\n" }
        return text + "\n" + body
    }
}

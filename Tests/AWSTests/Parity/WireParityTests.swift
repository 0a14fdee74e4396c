import AWS
import Foundation
import JSON
import TestSupport
import XCTest

/// Our serializer against botocore's own, for every operation the course uses.
final class WireParityTests: XCTestCase {
    /// Headers that carry request content; the rest are transport or signing details.
    static let comparedHeaders = ["content-type", "x-amz-target"]
    static let ignoredHeaders: Set<String> = [
        "user-agent", "x-amz-date", "authorization", "amz-sdk-invocation-id", "amz-sdk-request", "content-length",
        "x-amz-security-token", "x-amz-content-sha256", "host",
    ]

    func testEveryCaseMatchesBotocore() async throws {
        let python = try TestEnvironment.venvProgram("python")
        let cases = WireParityCases.all
        XCTAssertGreaterThanOrEqual(Set(cases.map { "\($0.service):\($0.operation)" }).count, 40)
        let expected = try await Self.botocoreRequests(for: cases, python: python)
        XCTAssertEqual(expected.count, cases.count)
        var matched = 0
        for (index, testCase) in cases.enumerated() {
            let label = "\(testCase.service):\(testCase.operation) \(testCase.params)"
            guard let botocore = expected[index] else { continue }
            if let error = botocore["error"]?.stringValue {
                XCTFail("\(label): botocore refused it: \(error)")
                continue
            }
            let model = try ServiceModel.named(testCase.service)
            let operation = try model.operation(testCase.operation)
            let endpoint = try Endpoint(parsing: "http://127.0.0.1:9")
            let params = try JSON(parsing: testCase.params)
            let request = try RequestSerializer(model: model).request(operation, input: params, endpoint: endpoint)
            // Tokens the SDKs generate differ on every call: both must be UUIDs.
            let generated = try Self.generatedTokens(operation, model: model, params: params)
            var ok = true
            func check<T: Equatable>(_ ours: T, _ theirs: T, _ what: String) {
                if ours != theirs {
                    ok = false
                    XCTFail("\(label): \(what) differs\n  ours:     \(ours)\n  botocore: \(theirs)")
                }
            }
            check(request.method, botocore["method"]?.stringValue ?? "", "method")
            check(request.path, botocore["path"]?.stringValue ?? "", "path")
            check(Self.pairs(request.query), Self.pairs(botocore["query"]?.stringValue ?? ""), "query")
            check(Self.contentHeaders(request.headers.fields.map { ($0.name, $0.value) }),
                Self.contentHeaders((botocore["headers"]?.objectValue?.members ?? []).map { ($0.key, $0.value.stringValue ?? "") }),
                "headers")
            let body = String(decoding: request.body, as: UTF8.self)
            let theirBody = botocore["body"]?.stringValue ?? ""
            let contentType = request.headers["Content-Type"] ?? ""
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                check(Self.pairs(body, generated: generated), Self.pairs(theirBody, generated: generated), "form body")
            } else if theirBody.isEmpty || body.isEmpty {
                check(body, theirBody, "body")
            } else {
                check(Self.normalized(try JSON(parsing: body), generated), Self.normalized(try JSON(parsing: theirBody), generated), "JSON body")
            }
            if ok { matched += 1 }
        }
        print("wire parity: \(matched) of \(cases.count) requests match botocore \(ServiceModel.botocoreVersion)")
        XCTAssertEqual(matched, cases.count)
    }

    static func generatedTokens(_ operation: OperationModel, model: ServiceModel, params: JSON) throws -> Set<String> {
        guard let reference = operation.input else { return [] }
        let shape = try model.shape(reference.target)
        return Set(shape.members.filter { $0.reference.idempotencyToken && params[$0.name] == nil }.map(\.name))
    }

    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && text.allSatisfy { $0 == "-" || $0.isHexDigit }
    }

    static func normalized(_ body: JSON, _ generated: Set<String>) -> JSON {
        guard case .object(var object) = body else { return body }
        for name in generated {
            if let value = object[name]?.stringValue { object[name] = .string(isUUID(value) ? "<uuid>" : value) }
        }
        return .object(object)
    }

    /// Form or query text as a sorted list of decoded pairs (botocore may order them differently).
    static func pairs(_ text: String, generated: Set<String> = []) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let key = decode(parts[0]), value = parts.count > 1 ? decode(parts[1]) : ""
            return key + "=" + (generated.contains(key) && isUUID(value) ? "<uuid>" : value)
        }.sorted()
    }

    static func contentHeaders(_ headers: [(String, String)]) -> [String] {
        headers.filter { !ignoredHeaders.contains($0.0.lowercased()) }
            .map { "\($0.0.lowercased()): \($0.1)" }.sorted()
    }

    static func botocoreRequests(for cases: [WireParityCases.Case], python: URL) async throws -> [JSON?] {
        var list: [JSON] = []
        for testCase in cases {
            list.append(["service": .string(testCase.service), "operation": .string(testCase.operation),
                "params": try JSON(parsing: testCase.params)])
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-botocore-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let script = TestEnvironment.projectRoot.appendingPathComponent("scripts/models/botocore_requests.py")
        let result = try await ProcessRunner.run(python, [script.path, output.path], stdin: JSON.array(list).text)
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSON(parsing: try Data(contentsOf: output))
        return (parsed.arrayValue ?? []).map { $0 }
    }
}

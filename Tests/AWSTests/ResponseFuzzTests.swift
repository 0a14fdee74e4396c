/// Mutated AWS responses never crash or hang the response parsers: decoding
/// one either yields a value or throws the AWS layer's own error
/// (`AWSServiceError` for an error status, `ResponseParseError` for a body
/// that cannot be read), whose description is one line. The seeds are real
/// responses recorded from moto for the query, ec2, json and rest-json
/// protocols (Fixtures/recorded, made by record.py there), and each decodes,
/// unmutated, to what botocore made of it when it was recorded.
///
/// CI runs a small budget with a fixed seed. A longer run, or another seed:
///
///     ECSLAB_FUZZ_ITERATIONS=100000 swift test --filter ResponseFuzzTests
///     ECSLAB_FUZZ_SEED=12345 ECSLAB_FUZZ_ITERATIONS=100000 swift test --filter ResponseFuzzTests
import AWS
import Foundation
import JSON
import TestSupport
import XCTest

final class ResponseFuzzTests: XCTestCase {
    private static let slowInput: Duration = .seconds(2)
    /// Our own messages quote what they found; quoting a whole body is not a message.
    private static let longestParseError = 1000

    private struct Recording {
        var name: String
        var model: ServiceModel
        var operation: OperationModel
        var response: HTTPResponse
        var expected: JSON
        var isXML: Bool
    }

    private struct Tally {
        var inputs = 0
        var decoded = 0
        var serviceErrors = 0
        var parseErrors = 0
        var slowest: Duration = .zero
    }

    func testRecordingsDecodeToWhatBotocoreMadeOfThem() throws {
        let recordings = try Self.recordings()
        XCTAssertEqual(Set(recordings.map(\.model.metadata.protocol)), ["ec2", "query", "json", "rest-json"])
        for recording in recordings {
            let context = recording.name
            do {
                let output = try ResponseParser(model: recording.model).parse(recording.response, for: recording.operation)
                XCTAssertEqual(output, recording.expected["output"], "\(context): \(output.formatted(.awsCLI))")
            } catch let error as AWSServiceError {
                XCTAssertEqual(error.code, recording.expected["error"]?["code"]?.stringValue, context)
                XCTAssertEqual(error.message, recording.expected["error"]?["message"]?.stringValue, context)
                XCTAssertEqual(error.statusCode, recording.response.status, context)
            }
        }
    }

    func testMutatedResponsesDecodeOrFailWithTheirOwnErrors() throws {
        let budget = FuzzBudget(defaultIterations: 3000)
        var random = budget.makeRandom()
        let recordings = try Self.recordings()
        var tally = Tally()

        func run(_ recording: Recording) {
            let failuresBefore = testRun?.totalFailureCount ?? 0
            check(recording, &tally)
            if (testRun?.totalFailureCount ?? 0) > failuresBefore {
                let file = "response-\(tally.inputs)-\(recording.name)-\(recording.response.status).\(recording.isXML ? "xml" : "json")"
                budget.keep(recording.response.body, named: file)
            }
        }
        for recording in recordings {
            for length in ByteMutation.truncationLengths(of: recording.response.body.count) {
                var truncated = recording
                truncated.response.body = Array(recording.response.body.prefix(length))
                run(truncated)
            }
            for body in recording.isXML ? Self.hostileXML(recording.response.body) : Self.hostileJSON() {
                var hostile = recording
                hostile.response.body = body
                run(hostile)
            }
        }
        for _ in 0..<budget.iterations {
            var recording = random.pick(recordings)
            let body = recording.response.body
            switch random.below(recording.isXML ? 4 : 3) {
            case 0: recording.response.body = ByteMutation.mutate(body, &random)
            case 1: recording.response.body = recording.isXML ? Self.editTree(body, &random) : Self.editValue(body, &random)
            case 2: recording.response.body = Self.insertFragments(body, recording.isXML ? Self.xmlFragments : Self.jsonFragments, &random)
            default: recording.response.body = Self.insertFragments(Self.editTree(body, &random), Self.xmlFragments, &random)
            }
            if random.below(8) == 0 { Self.mutateStatusOrHeaders(&recording.response, &random) }
            run(recording)
        }

        print(
            "AWS response fuzz (seed \(budget.seed)): \(tally.inputs) responses from \(recordings.count) recordings, "
                + "\(tally.decoded) decoded, \(tally.serviceErrors) service errors, \(tally.parseErrors) unreadable; "
                + "slowest \(Int(tally.slowest / .milliseconds(1))) ms")
        XCTAssertGreaterThan(tally.decoded, budget.iterations / 20)
        XCTAssertGreaterThan(tally.serviceErrors, budget.iterations / 20)
        XCTAssertGreaterThan(tally.parseErrors, budget.iterations / 20)
    }

    private func check(_ recording: Recording, _ tally: inout Tally) {
        tally.inputs += 1
        let response = recording.response
        func shown() -> String { "\(recording.name) (status \(response.status)) \(Self.show(response.body))" }
        let clock = ContinuousClock()
        let started = clock.now
        defer {
            let elapsed = clock.now - started
            tally.slowest = max(tally.slowest, elapsed)
            XCTAssertLessThan(elapsed, Self.slowInput, "slow: \(shown())")
        }
        do {
            let output = try ResponseParser(model: recording.model).parse(response, for: recording.operation)
            tally.decoded += 1
            XCTAssertLessThan(response.status, 300, shown())
            _ = output.formatted(.awsCLI)
        } catch let error as AWSServiceError {
            tally.serviceErrors += 1
            XCTAssertGreaterThanOrEqual(response.status, 300, shown())
            XCTAssertEqual(error.statusCode, response.status, shown())
            XCTAssertFalse(error.code.isEmpty, shown())
            assertOneLine(error.description, shown)
        } catch let error as ResponseParseError {
            tally.parseErrors += 1
            assertOneLine(error.description, shown)
            XCTAssertLessThanOrEqual(error.description.count, Self.longestParseError, "\(shown()): \(error.description.prefix(300))…")
        } catch {
            XCTFail("\(shown()): an error of type \(type(of: error)), not the AWS layer's own: \(error)")
        }
    }

    private func assertOneLine(_ description: String, _ shown: () -> String) {
        XCTAssertFalse(description.isEmpty, shown())
        XCTAssertFalse(description.contains(where: \.isNewline), "\(shown()): \(description.prefix(300).debugDescription)")
    }

    // MARK: Recordings

    private static func recordings() throws -> [Recording] {
        let folder = TestEnvironment.projectRoot.appendingPathComponent("Tests/AWSTests/Fixtures/recorded")
        let manifest = try JSON(parsing: Array(try Data(contentsOf: folder.appendingPathComponent("recordings.json"))))
        return try (manifest.arrayValue ?? []).map { entry in
            let name = entry["name"]?.stringValue ?? ""
            let file = entry["body"]?.stringValue ?? ""
            let model = try ServiceModel.named(entry["service"]?.stringValue ?? "")
            var headers = HTTPHeaders()
            for (header, value) in entry["headers"]?.objectValue ?? [:] {
                headers.add(header, value.stringValue ?? "")
            }
            return Recording(
                name: name, model: model, operation: try model.operation(entry["operation"]?.stringValue ?? ""),
                response: HTTPResponse(
                    status: entry["status"]?.intValue ?? 0, headers: headers,
                    body: Array(try Data(contentsOf: folder.appendingPathComponent(file)))),
                expected: entry["expected"] ?? .null, isXML: file.hasSuffix(".xml"))
        }
    }

    // MARK: Mutations

    /// Texts that do not fit where they land: not numbers where numbers are
    /// expected, numbers past any range, dates that are not dates, line
    /// breaks, markup to be escaped, a NUL.
    private static let wrongTexts = [
        "", "abc", " 12 ", "-0", "1.5", "1e999", "nan", "inf", "-Infinity", "TRUE", "yes",
        String(repeating: "9", count: 400), "9223372036854775808", "2026-13-45T99:99:99Z",
        "line\nbreak", "\r\n", "<&>\"'", "\u{0}", "\u{FEFF}", "\u{2028}", String(repeating: "x", count: 100_000),
    ]

    private static let xmlFragments = [
        "&amp;", "&lt;", "&#0;", "&#65;", "&#x41;", "&#x110000;", "&#xD800;", "&#x+41;", "&#-1;", "&#;", "&bogus;", "&",
        "&#99999999999999999999;", "&amp", "&\n;", "<", ">", "</", "/>", "<a>", "</a>", "<a/>", "<![CDATA[x]]>",
        "<![CDATA[", "]]>", "<!-- c -->", "<!--", "<?pi x?>", "<?", "<!DOCTYPE x>", "<!ENTITY e \"x\">", "\"", "'",
        "=", " a=\"1\"", " a='1' a='2'", "\u{FEFF}", "\r\n", "\t", "é", "😀", "\u{0}", "xmlns:x=\"u\"", "x:",
    ]

    private static let jsonFragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\"__type\": \"a#B:c\",", "\"message\": 1,", "1e999", "-0",
        "123456789012345678901234567890", "null", "true", "\"\\ud800\"", "\"\\u0000\"", "\\x", "\u{FEFF}", "\u{0}", "\n",
    ]

    /// Fragments dropped in, mostly right after a `>` or `,`, where text and members go.
    private static func insertFragments(_ body: [UInt8], _ fragments: [String], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = body
        for _ in 0...random.below(3) {
            let fragment = Array(random.pick(fragments).utf8)
            let anchors = bytes.indices.filter { bytes[$0] == UInt8(ascii: ">") || bytes[$0] == UInt8(ascii: ",") }
            let position = random.below(2) == 0 || anchors.isEmpty ? random.below(bytes.count + 1) : random.pick(anchors) + 1
            bytes.insert(contentsOf: fragment, at: position)
        }
        return bytes
    }

    /// The body as a tree with one edit, written back.
    private static func editTree(_ body: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        guard let root = try? XMLElement(parsing: body) else { return ByteMutation.mutate(body, &random) }
        return Array(xmlText(mutate(root, &random, depth: 0)).utf8)
    }

    private static func mutate(_ element: XMLElement, _ random: inout SplitMix64, depth: Int) -> XMLElement {
        var element = element
        if element.children.isEmpty || random.below(5) == 0 {
            switch random.below(4) {
            case 0: element.text = random.pick(wrongTexts)
            case 1: element.name = random.pick(["x:" + element.name, element.name.lowercased(), "Error", "Errors", "Code", "member", "item"])
            case 2: element.children.append(XMLElement(name: random.pick(["Unknown", "Code", "Message", "member", "item"]), text: random.pick(wrongTexts)))
            default:
                // A few levels more, or past the reader's limit.
                let levels = random.below(4) == 0 ? XMLElement.maximumDepth - depth - 2 + random.below(5) : 1 + random.below(8)
                for _ in 0..<max(1, levels) { element = XMLElement(name: "wrap", children: [element]) }
            }
            return element
        }
        let index = random.below(element.children.count)
        switch random.below(5) {
        case 0: element.children.remove(at: index)
        case 1: element.children.insert(element.children[index], at: index)
        case 2: element.children.append(element.children.remove(at: index))
        default: element.children[index] = mutate(element.children[index], &random, depth: depth + 1)
        }
        return element
    }

    private static func xmlText(_ element: XMLElement) -> String {
        var text = "<" + element.name
        for attribute in element.attributes {
            text += " \(attribute.name)=\"\(escaped(attribute.value, quote: true))\""
        }
        text += ">" + escaped(element.text, quote: false)
        for child in element.children { text += xmlText(child) }
        return text + "</\(element.name)>"
    }

    private static func escaped(_ text: String, quote: Bool) -> String {
        var result = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        if quote { result = result.replacingOccurrences(of: "\"", with: "&quot;") }
        return result
    }

    private static func editValue(_ body: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        guard let value = try? JSON(parsing: body) else { return ByteMutation.mutate(body, &random) }
        let edited = JSONValueMutation.mutate(value, &random)
        var text = edited.text
        if random.below(3) == 0 { text = JSONValueMutation.duplicatingKey(in: text, of: edited, &random) }
        return Array(text.utf8)
    }

    /// An error body with a success status, a success body with an error
    /// status, or the error type header changed or dropped.
    private static func mutateStatusOrHeaders(_ response: inout HTTPResponse, _ random: inout SplitMix64) {
        switch random.below(4) {
        case 0: response.status = random.pick([200, 204, 299, 300, 400, 403, 404, 500, 503, 999])
        case 1: response.headers["x-amzn-ErrorType"] = random.pick(["", "a#B:c", "#", ":", "ns#", "Throttling:http://x", " "])
        case 2: response.headers["x-amzn-query-error"] = random.pick(["", ";", "Code;Sender", "Code;", ";Sender", "a;b;c"])
        default: response.headers["Content-Type"] = nil
        }
    }

    /// Bodies made to hurt: nesting far past the limit, the limit itself,
    /// entities that are not there, and a declaration that would define some.
    private static func hostileXML(_ body: [UInt8]) -> [[UInt8]] {
        func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
        let depth = XMLElement.maximumDepth
        let text = String(decoding: body, as: UTF8.self)
        var inputs = [
            repeated("<a>", 100_000),
            repeated("<a>", 100_000) + repeated("</a>", 100_000),
            repeated("<a>", depth) + repeated("</a>", depth),
            repeated("<a>", depth + 1) + repeated("</a>", depth + 1),
            "<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><lol>&lol2;</lol>",
            "<a>" + repeated("&amp;", 100_000) + "</a>", "<a>" + repeated("&#x1F600;", 50_000) + "</a>",
            "<a b=\"" + repeated("x", 1_000_000) + "\"/>", "<" + repeated("a", 100_000) + "/>",
            "<a>" + repeated("<b>1</b>", 20_000) + "</a>", "<a><![CDATA[" + repeated("]", 100_000) + "</a>",
            "<a>" + repeated("<!--", 10_000) + "</a>", "", "\u{FEFF}", "<", "<a", "<a>", "</a>",
        ].map { Array($0.utf8) }
        if let close = text.range(of: ">", options: .backwards), let open = text.range(of: "</", options: .backwards) {
            // The recording with each element's content replaced by deep nesting.
            inputs.append(Array((text[..<open.lowerBound] + repeated("<m>", depth) + repeated("</m>", depth) + text[open.lowerBound..<close.upperBound]).utf8))
        }
        for invalid in ByteMutation.invalidUTF8 {
            inputs.append(Array("<a><Code>".utf8) + invalid + Array("</Code></a>".utf8))
            inputs.append(Array("<Error><Code>X</Code><Message>".utf8) + invalid + Array("</Message></Error>".utf8))
            inputs.append(Array("<a".utf8) + invalid + Array("/>".utf8))
        }
        return inputs
    }

    private static func hostileJSON() -> [[UInt8]] {
        func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
        return [
            repeated("[", 100_000), repeated("{\"a\":", 100_000), "{\"__type\": " + repeated("[", 600) + "}",
            "{\"message\": \"" + repeated("x", 1_000_000) + "\"}", "{\"__type\": \"\\n\\u2028x\", \"message\": \"a\\r\\nb\"}",
            "1e999", "null", "[]", "\"text\"", "{\"clusters\": {\"a\": 1}}", "{\"logGroups\": [null, 1, \"x\", [null]]}",
            "", " ", "\u{FEFF}{}",
        ].map { Array($0.utf8) }
    }

    private static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
        return bytes.count > 300 ? "\(text)… (\(bytes.count) bytes)" : text
    }
}

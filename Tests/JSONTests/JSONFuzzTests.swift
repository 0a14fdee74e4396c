/// Mutated JSON responses never crash or hang the parser: each either parses,
/// and then prints and parses back to the same value, or fails with a
/// `JSONParseError` that says where, on one line. Invalid UTF-8 is never
/// accepted. The seeds are the JSON bodies recorded from moto for the AWS
/// tests (Tests/AWSTests/Fixtures/recorded) and a few hand-written documents.
///
/// CI runs a small budget with a fixed seed. A longer run, or another seed:
///
///     ECSLAB_FUZZ_ITERATIONS=200000 swift test --filter JSONFuzzTests
///     ECSLAB_FUZZ_SEED=12345 ECSLAB_FUZZ_ITERATIONS=200000 swift test --filter JSONFuzzTests
import Foundation
import JSON
import TestSupport
import XCTest

final class JSONFuzzTests: XCTestCase {
    /// Generous for a debug build on a shared machine; what it catches is
    /// work that grows faster than the input, which takes far longer.
    private static let slowInput: Duration = .seconds(2)

    func testMutatedResponsesParseAndRoundTripOrFailWithAPosition() throws {
        let budget = FuzzBudget(defaultIterations: 6000)
        var random = budget.makeRandom()
        let seeds = try Self.seeds()
        var tally = Tally()

        func run(_ input: [UInt8]) {
            let failuresBefore = testRun?.totalFailureCount ?? 0
            check(input, &tally)
            if (testRun?.totalFailureCount ?? 0) > failuresBefore { budget.keep(input, named: "json-\(tally.inputs).json") }
        }
        for input in Self.hostileInputs() {
            run(input)
        }
        for seed in seeds {
            for length in ByteMutation.truncationLengths(of: seed.count) {
                run(Array(seed.prefix(length)))
            }
        }
        for iteration in 0..<budget.iterations {
            let seed = random.pick(seeds)
            let input: [UInt8]
            switch iteration % 3 {
            case 0: input = ByteMutation.mutate(seed, &random)
            case 1: input = Self.insertFragments(seed, &random)
            default: input = Self.editValue(seed, &random)
            }
            run(input)
        }

        print(
            "JSON fuzz (seed \(budget.seed)): \(tally.inputs) inputs from \(seeds.count) seeds, \(tally.parsed) parsed, "
                + "\(tally.refused) refused; slowest \(Int(tally.slowest / .milliseconds(1))) ms")
        XCTAssertGreaterThan(tally.parsed, budget.iterations / 20)
        XCTAssertGreaterThan(tally.refused, budget.iterations / 20)
    }

    private struct Tally {
        var inputs = 0
        var parsed = 0
        var refused = 0
        var slowest: Duration = .zero
    }

    private func check(_ bytes: [UInt8], _ tally: inout Tally) {
        tally.inputs += 1
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = Result { () throws(JSONParseError) in try JSON(parsing: bytes) }
        let elapsed = clock.now - started
        tally.slowest = max(tally.slowest, elapsed)
        XCTAssertLessThan(elapsed, Self.slowInput, "slow: \(Self.show(bytes))")

        // The String entry point must agree with the bytes one on every valid text.
        if let text = String(validating: bytes, as: UTF8.self) {
            let fromText = Result { () throws(JSONParseError) in try JSON(parsing: text) }
            switch (outcome, fromText) {
            case (.success(let a), .success(let b)): XCTAssertEqual(a, b, Self.show(bytes))
            case (.failure(let a), .failure(let b)): XCTAssertEqual(a, b, Self.show(bytes))
            default: XCTFail("bytes and text disagree: \(Self.show(bytes))")
            }
        }

        switch outcome {
        case .success(let value):
            tally.parsed += 1
            XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "accepted invalid UTF-8: \(Self.show(bytes))")
            for format in [JSONFormat.compact, .awsCLI, JSONFormat(sortKeys: true, spacedSeparators: true)] {
                let printed = value.formatted(format)
                do {
                    let reparsed = try JSON(parsing: printed)
                    XCTAssertEqual(reparsed, value, "\(Self.show(bytes)) printed as \(printed.debugDescription)")
                } catch {
                    XCTFail("\(Self.show(bytes)) printed as \(printed.debugDescription), which does not parse: \(error)")
                }
            }
        case .failure(let error):
            tally.refused += 1
            XCTAssertFalse(error.message.isEmpty, Self.show(bytes))
            XCTAssertGreaterThanOrEqual(error.line, 1, Self.show(bytes))
            XCTAssertGreaterThanOrEqual(error.column, 1, Self.show(bytes))
            XCTAssertLessThanOrEqual(error.offset, bytes.count, Self.show(bytes))
            XCTAssertLessThanOrEqual(error.line, bytes.count(where: { $0 == 0x0A }) + 1, Self.show(bytes))
            XCTAssertFalse(error.description.contains(where: \.isNewline), "\(Self.show(bytes)): \(error.description.debugDescription)")
        }
    }

    // MARK: Inputs

    private static func seeds() throws -> [[UInt8]] {
        let folder = TestEnvironment.projectRoot.appendingPathComponent("Tests/AWSTests/Fixtures/recorded")
        let recorded = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") && $0 != "recordings.json" }
        XCTAssertFalse(recorded.isEmpty, "no recorded JSON bodies in \(folder.path)")
        let bodies = try recorded.sorted().map { Array(try Data(contentsOf: folder.appendingPathComponent($0))) }
        let written = [
            #"{"a": [1, -2.5, 1e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}, "c": [[], [{}]]}"#,
            #"{"z": 1, "a": 9007199254740993, "m": -0, "n": 0.1, "o": 1e-7, "p": 123456789012345678901234567890}"#,
            #"["\"\\\/\b\f\n\r\t", "\u0000", "\ud800", "\udc00\ud800", "日本語", ""]"#,
            "  \r\n\t[ 1 , { \"k\" : \"v\" } ]\n",
        ]
        return bodies + written.map { Array($0.utf8) }
    }

    /// Inputs made to hurt: nesting far past the limit, numbers past
    /// `Double`'s range, long strings and escapes Swift strings cannot hold.
    private static func hostileInputs() -> [[UInt8]] {
        func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
        let depth = JSON.maximumDepth
        let texts = [
            repeated("[", 100_000),
            repeated("[", 100_000) + repeated("]", 100_000),
            repeated("{\"a\":", 100_000),
            repeated("[", depth) + repeated("]", depth),
            repeated("[", depth + 1) + repeated("]", depth + 1),
            repeated("{\"a\":", depth) + "1" + repeated("}", depth),
            repeated("[{\"a\":", depth / 2) + "1" + repeated("}]", depth / 2),
            "1e999", "-1e999", "[1e309]", "1E+400", "1e-400", "-0", "-0.0", "0e0",
            repeated("9", 400), "-" + repeated("9", 400), "0." + repeated("0", 400) + "1", "1e" + repeated("9", 400),
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "\"" + repeated("x", 1_000_000) + "\"", "\"" + repeated("\\u00e9", 100_000) + "\"",
            "[" + repeated("1,", 100_000) + "1]", "{" + (0..<20_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}",
            repeated("{\"k\":1,", 1) + repeated("\"k\":2,", 10_000) + "\"k\":3}",
            "\"\\ud800\\ud800\"", "\"\\udfff\"", "\"\\uD83D\\uDE00\"", "\"\\u", "\"\\u12", "\"\\uZZZZ\"", "\"\\",
            "NaN", "Infinity", "-Infinity", "\u{FEFF}{}", "{}\u{0}", "",
        ]
        var inputs = texts.map { Array($0.utf8) }
        for invalid in ByteMutation.invalidUTF8 {
            inputs.append(Array("[\"a".utf8) + invalid + Array("b\"]".utf8))
            inputs.append(Array("{\"".utf8) + invalid + Array("\": 1}".utf8))
            inputs.append(invalid + Array("[]".utf8))
        }
        return inputs
    }

    private static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\"k\":", "\"k\": 1,", "1e999", "-1e999", "1e-400", "-0", "0.5e+2",
        "123456789012345678901234567890", "9223372036854775808", "true", "fals", "null", "nul", "\"\\ud800\"",
        "\"\\u0000\"", "\\u00", "\\x", "\u{FEFF}", "\u{0}", "\t", "\n", "\r\n", " ", "é", "😀", "NaN", "01", ".5", "+1",
    ]

    /// JSON punctuation and awkward tokens dropped in at random places.
    private static func insertFragments(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0...random.below(3) {
            let fragment = Array(random.pick(fragments).utf8)
            let start = random.below(bytes.count + 1)
            if random.below(2) == 0 {
                bytes.insert(contentsOf: fragment, at: start)
            } else {
                bytes.replaceSubrange(start..<min(bytes.count, start + fragment.count), with: fragment)
            }
        }
        return bytes
    }

    /// The seed as a value with one edit, printed back, sometimes with a
    /// repeated key or inside more brackets.
    private static func editValue(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        guard let value = try? JSON(parsing: seed) else { return ByteMutation.mutate(seed, &random) }
        let edited = JSONValueMutation.mutate(value, &random)
        var text = edited.formatted(random.below(2) == 0 ? .compact : .awsCLI)
        switch random.below(4) {
        case 0:
            text = JSONValueMutation.duplicatingKey(in: text, of: edited, &random)
        case 1:
            // Only a little deeper: printed with indentation, a value at the
            // depth limit is a megabyte of spaces, and the hostile inputs
            // cover the limit already.
            let depth = 1 + random.below(64)
            text = String(repeating: "[", count: depth) + text + String(repeating: "]", count: depth)
        default:
            break
        }
        return Array(text.utf8)
    }

    /// The input for a failure message: short ones whole, long ones cut.
    private static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
        return bytes.count > 200 ? "\(text)… (\(bytes.count) bytes)" : text
    }
}

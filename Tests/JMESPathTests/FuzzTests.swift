import Foundation
import JMESPath
import JSON
import TestSupport
import XCTest

/// Random and mutated expressions never crash, hang or fail with anything but
/// a well-formed JMESPath error. A fixed seed and budget keep the suite fast
/// and repeatable; `ECSLAB_FUZZ_ITERATIONS` and `ECSLAB_FUZZ_SEED` run it
/// longer or differently by hand:
///
///     ECSLAB_FUZZ_ITERATIONS=200000 swift test --filter JMESPathTests.FuzzTests
///     ECSLAB_FUZZ_SEED=12345 ECSLAB_FUZZ_ITERATIONS=200000 swift test --filter JMESPathTests.FuzzTests
final class FuzzTests: XCTestCase {
    func testRandomAndMutatedExpressionsFailOnlyWithJMESPathErrors() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = Int(environment["ECSLAB_FUZZ_ITERATIONS"] ?? "") ?? 4000
        let seed = UInt64(environment["ECSLAB_FUZZ_SEED"] ?? "") ?? 0xEC51AB
        var random = SplitMix64(seed: seed)
        let corpus = FuzzTests.seedCorpus + (try FuzzTests.suiteCases())
        var compiled = 0
        var failures: [JMESPathError.Kind: Int] = [:]

        for iteration in 0..<iterations {
            let (source, document) = corpus[random.below(corpus.count)]
            let expression: String
            switch iteration % 4 {
            case 0: expression = FuzzTests.tokenSoup(&random)
            case 1: expression = FuzzTests.characterSoup(&random)
            default: expression = FuzzTests.mutate(source, &random)
            }
            do {
                let compiledExpression = try JMESPathExpression(expression)
                compiled += 1
                let result = try compiledExpression.evaluate(document, variables: ["v": document])
                _ = result.formatted(.awsCLI)
            } catch {
                failures[error.kind, default: 0] += 1
                check(error, for: expression)
            }
        }
        let summary = failures.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        print("JMESPath fuzz (seed \(seed)): \(iterations) expressions, \(compiled) compiled; errors: \(summary)")
        // A budget this size reaches both sides; if it does not, the generators are broken.
        XCTAssertGreaterThan(compiled, iterations / 20)
        XCTAssertGreaterThan(failures[.syntax, default: 0], iterations / 20)
    }

    private func check(_ error: JMESPathError, for expression: String) {
        let context = "\(JSON.string(expression).text): \(error)"
        XCTAssertFalse(error.message.isEmpty, context)
        XCTAssertEqual(error.expression, expression, context)
        if error.kind == .syntax || error.kind == .unknownFunction || error.kind == .invalidArity {
            // Anything found while compiling has a place in the expression.
            guard let offset = error.utf8Offset, let column = error.column else {
                XCTFail("no position: \(context)")
                return
            }
            XCTAssertLessThanOrEqual(offset, expression.utf8.count, context)
            XCTAssertGreaterThanOrEqual(column, 1, context)
            XCTAssertEqual(error.description.split(separator: "\n", omittingEmptySubsequences: false).last?.last, "^", context)
        }
    }

    // MARK: Inputs

    private static let fragments = [
        "foo", "bar", "baz", "a", "b", "let", "in", "$v", "$w", "=", ".", "*", "[", "]", "[]", "[?", "{", "}", "(", ")",
        ",", ":", "@", "&", "&&", "|", "||", "!", "==", "!=", "<", "<=", ">", ">=", "`1`", "`\"x\"`", "`[1, 2]`",
        "`{\"a\": 1}`", "`foo`", "'raw'", "'\\''", "\"quoted\"", "\"\\u00e9\"", "0", "-1", "1:2", "::-1", "::0",
        "abs(", "sort_by(", "length(@)", "max_by(@, &a)", "map(&a, @)", "to_string(@)", "not_null(", "merge(",
        "join(',', ", " ", "\n", "\t", "\u{E9}", "\u{1F600}", "`", "'", "\"", "\\", "$", "-", "?", "#", "\u{0}",
    ]

    private static let seedCorpus: [(String, JSON)] = {
        let document: JSON = [
            "foo": ["bar": [["baz": 1], ["baz": 2]], "list": [3, 1, 2], "name": "x"],
            "a": [["b": "c", "n": 2], ["b": "d", "n": 1]], "strings": ["a", "b"], "empty": [], "null": nil,
        ]
        let expressions = [
            "foo.bar[*].baz", "a[?n > `1`].b", "sort_by(a, &n)[0].b", "foo.list[::-1]", "{x: foo.name, y: a[0].b}",
            "let $x = foo in a[*].[b, $x.name]", "foo.*.baz | [0]", "a[].b || 'none'", "!foo && `true`",
            "length(strings) == `2`", "max_by(a, &n).b", "join(', ', strings)", "foo.bar[?baz == `2`] | [0].baz",
            "[foo.list[0], a[-1]]", "merge(foo, {extra: `1`})", "to_number(to_string(foo.list[0]))", "a[1:].n",
            "not_null(null, empty, foo)", "map(&n, a)", "reverse(sort(foo.list))", "type(@)", "keys(@)",
        ]
        return expressions.map { ($0, document) }
    }()

    /// The compliance suite's expressions with their documents, when the
    /// shared test data is there; the seed corpus alone otherwise, except
    /// under the test command, where missing data fails the test.
    private static func suiteCases() throws -> [(String, JSON)] {
        guard let folder = try TestEnvironment.testdataIfPresent("jmespath") else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var cases: [(String, JSON)] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
                case .array(let groups)? = try? JSON(parsing: data)
            else { continue }
            for group in groups {
                for testCase in group["cases"]?.arrayValue ?? [] {
                    if let expression = testCase["expression"]?.stringValue {
                        cases.append((expression, group["given"] ?? .null))
                    }
                }
            }
        }
        return cases
    }

    private static func tokenSoup(_ random: inout SplitMix64) -> String {
        (0..<(1 + random.below(12))).map { _ in fragments[random.below(fragments.count)] }.joined()
    }

    private static func characterSoup(_ random: inout SplitMix64) -> String {
        let alphabet = Array("ab$@.*[]{}()?,:|&!=<>`'\"\\ -019\u{E9}\u{1F600}\n")
        return String((0..<random.below(24)).map { _ in alphabet[random.below(alphabet.count)] })
    }

    /// One to three edits: delete, insert, replace, duplicate or move a span.
    private static func mutate(_ source: String, _ random: inout SplitMix64) -> String {
        var characters = Array(source)
        for _ in 0...random.below(3) {
            let start = random.below(characters.count + 1)
            let end = min(characters.count, start + random.below(5))
            let fragment = Array(fragments[random.below(fragments.count)])
            switch random.below(5) {
            case 0: characters.removeSubrange(start..<end)
            case 1: characters.insert(contentsOf: fragment, at: start)
            case 2: characters.replaceSubrange(start..<end, with: fragment)
            case 3: characters.insert(contentsOf: characters[start..<end], at: start)
            default:
                let span = Array(characters[start..<end])
                characters.removeSubrange(start..<end)
                characters.insert(contentsOf: span, at: random.below(characters.count + 1))
            }
        }
        return String(characters)
    }
}

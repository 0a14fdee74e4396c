/// Mutated lesson and check files never crash or hang the course loader or
/// lint: a file either loads, or every problem comes back as a `Diagnostic`
/// that names the file (and the line, where it has one) on one line, the way
/// `ecslab lint` and the tutor print them; never a Swift or Yams error
/// dumped as it is. The seeds are the course's own files (lessons/*/lesson.yaml,
/// checks/*.yaml, prices.yaml), damaged at the YAML level (a key deleted,
/// doubled or unknown, a scalar of the wrong type, indentation broken, a
/// language swapped, aliases, huge strings, truncation) and byte by byte.
///
/// CI runs a small budget with a fixed seed. A longer run, or another seed:
///
///     ECSLAB_FUZZ_ITERATIONS=20000 swift test --filter CourseLoaderFuzzTests
///     ECSLAB_FUZZ_SEED=12345 ECSLAB_FUZZ_ITERATIONS=20000 swift test --filter CourseLoaderFuzzTests
import Course
import Foundation
import TestSupport
import XCTest

final class CourseLoaderFuzzTests: XCTestCase {
    private static let slowInput: Duration = .seconds(5)
    /// What would mean a Swift value or a library's error printed as it is.
    private static let leaks = ["DecodingError", "YamlError", "Yams.", "Swift.", "Optional(", "Foundation.", "Mark(", "(extension in"]

    private struct Seed {
        var path: String
        var bytes: [UInt8]
    }

    private struct Tally {
        var inputs = 0
        var loaded = 0
        var refused = 0
        var linted = 0
        var slowest: Duration = .zero
    }

    func testMutatedCourseFilesLoadOrSayWhereTheyAreWrong() throws {
        let budget = FuzzBudget(defaultIterations: 400)
        var random = budget.makeRandom()
        let seeds = try Self.seeds()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-course-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let linter = CourseLinter(catalog: ModelCatalog())
        var tally = Tally()

        @discardableResult
        func run(_ path: String, _ bytes: [UInt8], lint: Bool) throws -> [Diagnostic] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let failuresBefore = testRun?.totalFailureCount ?? 0
            let diagnostics = check(path, bytes, root: root, linter: lint ? linter : nil, &tally)
            if (testRun?.totalFailureCount ?? 0) > failuresBefore {
                budget.keep(bytes, named: "course-\(tally.inputs)-\(path)")
            }
            return diagnostics
        }

        for seed in seeds {
            // Unmutated, every file of the course loads cleanly on its own
            // (a folder with no lesson in it says so, and only that).
            let diagnostics = try run(seed.path, seed.bytes, lint: false)
            XCTAssertTrue(diagnostics.allSatisfy { $0.message == "no lessons found" }, "\(seed.path): \(diagnostics)")
            for length in ByteMutation.truncationLengths(of: seed.bytes.count) where random.below(3) == 0 {
                try run(seed.path, Array(seed.bytes.prefix(length)), lint: false)
            }
        }
        for text in Self.hostileTexts() {
            try run(random.pick(seeds).path, Array(text.utf8), lint: false)
        }
        for iteration in 0..<budget.iterations {
            let seed = random.pick(seeds)
            let bytes: [UInt8]
            if iteration % 5 == 0 {
                bytes = ByteMutation.mutate(seed.bytes, &random)
            } else {
                bytes = Array(Self.mutateYAML(String(decoding: seed.bytes, as: UTF8.self), &random).utf8)
            }
            try run(seed.path, bytes, lint: iteration % 4 == 0)
        }

        print(
            "course loader fuzz (seed \(budget.seed)): \(tally.inputs) files from \(seeds.count) seeds, \(tally.loaded) loaded, "
                + "\(tally.refused) with diagnostics, \(tally.linted) linted; slowest \(Int(tally.slowest / .milliseconds(1))) ms")
        XCTAssertGreaterThan(tally.loaded, budget.iterations / 20)
        XCTAssertGreaterThan(tally.refused, budget.iterations / 20)
    }

    /// The loader's own diagnostics, after checking them and lint's.
    private func check(_ path: String, _ bytes: [UInt8], root: URL, linter: CourseLinter?, _ tally: inout Tally) -> [Diagnostic] {
        tally.inputs += 1
        func shown() -> String { "\(path): \(Self.show(bytes))" }
        let clock = ContinuousClock()
        let started = clock.now
        let result = CourseLoader(root: root).load()
        var diagnostics = result.diagnostics
        if let linter {
            tally.linted += 1
            diagnostics += linter.lint(result.content)
        }
        let elapsed = clock.now - started
        tally.slowest = max(tally.slowest, elapsed)
        XCTAssertLessThan(elapsed, Self.slowInput, "slow: \(shown())")

        if result.diagnostics.isEmpty {
            tally.loaded += 1
        } else {
            tally.refused += 1
        }
        // libyaml breaks lines at \r, NEL and U+2028 too, and may point just past the end.
        let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count + 1
        for (index, diagnostic) in diagnostics.enumerated() {
            let text = diagnostic.description
            let context = "\(shown()) -> \(text.prefix(400).debugDescription)"
            XCTAssertFalse(diagnostic.message.isEmpty, context)
            if index < result.diagnostics.count || !Self.endsWithCaret(text) {
                XCTAssertFalse(text.contains(where: \.isNewline), "not one line: \(context)")
            }
            for leak in Self.leaks where text.contains(leak) {
                XCTFail("\(leak) in a diagnostic: \(context)")
            }
            // The loader's own diagnostics are about the one file there is; lint may name others.
            if index < result.diagnostics.count, diagnostic.message != "no lessons found" {
                XCTAssertEqual(diagnostic.location.file, path, context)
                XCTAssertTrue(text.hasPrefix(path), context)
                XCTAssertLessThanOrEqual(diagnostic.location.line, lines, context)
            }
        }
        return result.diagnostics
    }

    /// Lint shows a bad JMESPath expression as JMESPath errors show
    /// themselves: the message, then the expression's line with a caret
    /// under the place.
    private static func endsWithCaret(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count == 3 && lines[2].last == "^" && lines[2].dropLast().allSatisfy { $0 == " " || $0 == "\t" }
    }

    // MARK: Seeds

    private static func seeds() throws -> [Seed] {
        let root = TestEnvironment.projectRoot
        let files = FileManager.default
        var paths = ["prices.yaml"]
        for folder in try files.contentsOfDirectory(atPath: root.appendingPathComponent("lessons").path).sorted() {
            let path = "lessons/\(folder)/lesson.yaml"
            if files.fileExists(atPath: root.appendingPathComponent(path).path) { paths.append(path) }
        }
        for name in try files.contentsOfDirectory(atPath: root.appendingPathComponent("checks").path).sorted() where name.hasSuffix(".yaml") {
            paths.append("checks/\(name)")
        }
        XCTAssertGreaterThan(paths.count, 5)
        return try paths.map { Seed(path: $0, bytes: Array(try Data(contentsOf: root.appendingPathComponent($0)))) }
    }

    // MARK: Mutations

    /// Scalars of other kinds and sizes than a field expects.
    private static let scalars = [
        "[1, 2]", "{a: 1}", "[]", "{}", "123", "-1", "0", "1.5e300", "1e999", ".inf", "-.nan", "0x1F", "true", "false", "yes",
        "null", "~", "\"\"", "''", "\"quoted\"", "'single'", "2026-01-01", "&anchor value", "*anchor", "*missing", "!!binary aGk=",
        "!!int x", "!!python/object:os.system ls", "|\n  block", ">-\n  folded", "\"unterminated", "'", "[unclosed", "{a: [",
        "\"\\u0000\"", "\"line\\nbreak\"", "\"\\uD800\"", "ec2:", ":", "-", "? complex", "%", "@reserved", "`reserved",
        "${undefined}", "${", "${price.missing}", String(repeating: "x", count: 100_000), "\u{FEFF}", "\t",
    ]

    private static let keys = [
        "id", "order", "title", "summary", "steps", "checks", "calls", "call", "params", "assert", "that", "equals", "hints",
        "docs", "read", "lookups", "variables", "zh", "en", "fr", "titel", "bogus", "lesson", "points", "depends", "undo",
        "wait", "save", "eventually", "regions", "source", "checked", "quiz", "answer", "choices", "local", "teardown",
    ]

    /// One to three edits on the lines of `text`.
    private static func mutateYAML(_ text: String, _ random: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0...random.below(3) {
            guard !lines.isEmpty else { break }
            let index = random.below(lines.count)
            let line = lines[index]
            let indent = String(line.prefix { $0 == " " })
            switch random.below(12) {
            case 0:
                lines.remove(at: index)
            case 1:
                // The key and everything indented under it.
                var end = index + 1
                while end < lines.count, lines[end].prefix(while: { $0 == " " }).count > indent.count || lines[end].isEmpty { end += 1 }
                lines.removeSubrange(index..<end)
            case 2:
                if let colon = line.firstIndex(of: ":") {
                    lines[index] = String(line[...colon]) + " " + random.pick(scalars)
                }
            case 3:
                lines.insert(line, at: index)
            case 4:
                lines[index] = random.below(2) == 0 ? " " + line : String(line.dropFirst(min(2, indent.count)))
            case 5:
                lines[index] = "\t" + line
            case 6:
                let swaps = [("zh:", random.pick(["en:", "fr:", "ZH:", "zh-CN:"])), ("en:", random.pick(["zh:", "EN:", "de:"]))]
                let (from, to) = random.pick(swaps)
                lines[index] = line.replacingOccurrences(of: from, with: to)
            case 7:
                lines.insert(indent + random.pick(keys) + ": " + random.pick(scalars), at: index)
            case 8:
                if let colon = line.firstIndex(of: ":") {
                    // Fewer references: lint reports each unknown one, and 50,000 reports take seconds.
                    let (piece, count) = random.pick([("x", 50_000), ("é", 50_000), ("😀", 50_000), ("${a}", 1_000)])
                    lines[index] = String(line[...colon]) + " " + String(repeating: piece, count: count)
                }
            case 9:
                // An anchor on one value and aliases to it elsewhere.
                if let colon = line.firstIndex(of: ":") {
                    lines[index] = String(line[...colon]) + " &a " + line[line.index(after: colon)...]
                    lines.insert(indent + random.pick(keys) + ": *a", at: random.below(lines.count + 1))
                }
            case 10:
                let cut = random.below(line.count + 1)
                lines[index] = String(line.prefix(cut))
                lines.removeSubrange((index + 1)...)
            default:
                lines.insert(indent + "- " + random.pick(scalars), at: index)
            }
        }
        return lines.joined(separator: random.below(8) == 0 ? "\r\n" : "\n")
    }

    /// Files made to hurt: nesting far deeper than any course needs, in flow
    /// and block style, an alias bomb, and the odd shapes a file can take.
    private static func hostileTexts() -> [String] {
        func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
        let laughs = (1...9).map { level in "l\(level): &l\(level) [" + repeated("*l\(level - 1),", 9) + "*l\(level - 1)]" }
        return [
            repeated("[", 100_000), repeated("[", 10_000) + repeated("]", 10_000), repeated("{a: ", 10_000) + "1" + repeated("}", 10_000),
            repeated("- ", 10_000) + "x", (0..<2_000).map { repeated(" ", $0) + "a:" }.joined(separator: "\n") + " 1",
            "l0: &l0 lol\n" + laughs.joined(separator: "\n") + "\nid: x\n",
            "a: &a [*a]\n", "id: x\n---\nid: y\n", "%YAML 1.1\n---\nid: x\n", "--- !!python/object:os.system ls\n",
            "", "\n", "#", "---", "...", "\u{FEFF}id: x\n", "id: \u{0}\n", "id: x\r\norder: 1\r\n", "\tid: x\n",
            "id: " + repeated("x", 1_000_000) + "\n", "? [a, b]\n: c\n", "{[a]: 1}\n", "[1, 2, 3]\n", "just text\n",
            "lesson: x\nchecks:\n" + repeated("  - id: c\n", 200), "steps: " + repeated("[", 600) + repeated("]", 600) + "\n",
        ]
    }

    private static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
        return bytes.count > 300 ? "\(text)… (\(bytes.count) bytes)" : text
    }
}

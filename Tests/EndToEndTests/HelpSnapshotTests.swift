import Foundation
import TestSupport
import XCTest

/// Every command's `--help`, exactly as a user sees it, kept in
/// Tests/EndToEndTests/Snapshots/help. A new command without a snapshot fails.
final class HelpSnapshotTests: XCTestCase {
    private static let commands = [
        "", "tutor", "lessons", "do", "check", "script", "draw", "grade", "grade merge", "grader-policy", "cleanup", "reap", "selftest", "reset", "lint", "call", "query",
        "sandbox", "sandbox start", "sandbox stop", "sandbox status", "sandbox env",
    ]

    /// Nothing about the machine running the test: no account, no locale, a fixed width.
    private var environment: [String: String] {
        ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin", "COLUMNS": "100", "LANG": "C.UTF-8"]
    }

    func testEveryCommandsHelp() throws {
        let ecslab = try BuiltExecutable("ecslab")
        for command in Self.commands {
            let words = command.split(separator: " ").map(String.init)
            let outcome = try ecslab.run(words + ["--help"], environment: environment)
            XCTAssertEqual(outcome.status, 0, "ecslab \(command) --help: \(outcome.standardError)")
            XCTAssertEqual(outcome.standardError, "", "ecslab \(command) --help")
            let name = command.isEmpty ? "ecslab.txt" : "ecslab-" + words.joined(separator: "-") + ".txt"
            try Snapshot.assert(outcome.standardOutput, named: name, in: "Tests/EndToEndTests/Snapshots/help")
        }
    }

    /// The snapshots cover every command the top-level help lists.
    func testTheSnapshotsCoverEveryCommand() throws {
        let ecslab = try BuiltExecutable("ecslab")
        var listed: [String] = []
        for parent in ["", "sandbox", "grade"] {
            let help = try ecslab.run(parent.isEmpty ? ["--help"] : [parent, "--help"], environment: environment).standardOutput
            guard let section = help.range(of: "SUBCOMMANDS:\n") else { continue }
            // One command a line, until the blank line that ends the list;
            // a long description goes on in lines indented further.
            for line in help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty { break }
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first else { continue }
                listed.append(parent.isEmpty ? String(word) : "\(parent) \(word)")
            }
        }
        XCTAssertFalse(listed.isEmpty)
        for command in listed where command != "help" {
            XCTAssertTrue(Self.commands.contains(command), "ecslab \(command) has no help snapshot")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// `ecslab query` end to end: the built binary, its exact output and exit status.
final class QueryCommandTests: XCTestCase {
    private var ecslab: BuiltExecutable!
    private var folder: URL!

    private let subnets = #"""
        {"Subnets": [
          {"SubnetId": "subnet-1", "MapPublicIpOnLaunch": true, "Tags": [{"Key": "Name", "Value": "café"}]},
          {"SubnetId": "subnet-2", "MapPublicIpOnLaunch": false, "Tags": []}
        ]}
        """#

    override func setUpWithError() throws {
        ecslab = try BuiltExecutable("ecslab")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(subnets.utf8).write(to: folder.appendingPathComponent("subnets.json"))
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func query(_ arguments: String..., input: String = "") throws -> BuiltExecutable.Outcome {
        try ecslab.run(["query"] + arguments, standardInput: input, in: folder)
    }

    func testPrintsTheResultAsTheAwsCLIDoes() throws {
        let outcome = try query("Subnets[?MapPublicIpOnLaunch].{id: SubnetId, name: Tags[?Key == 'Name'].Value | [0]}", "subnets.json")
        XCTAssertEqual(
            outcome,
            .init(
                status: 0,
                standardOutput: """
                    [
                        {
                            "id": "subnet-1",
                            "name": "café"
                        }
                    ]

                    """,
                standardError: ""))
    }

    func testReadsStandardInputWithoutAFileOrWithADash() throws {
        XCTAssertEqual(try query("Subnets[*].SubnetId", input: subnets),
                       .init(status: 0, standardOutput: "[\n    \"subnet-1\",\n    \"subnet-2\"\n]\n", standardError: ""))
        XCTAssertEqual(try query("length(Subnets)", "-", input: subnets),
                       .init(status: 0, standardOutput: "2\n", standardError: ""))
        XCTAssertEqual(try query("missing", input: subnets), .init(status: 0, standardOutput: "null\n", standardError: ""))
    }

    func testReadsAFIFOWrittenByAnotherProcess() throws {
        let fifo = folder.appendingPathComponent("subnets.fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0, "mkfifo \(fifo.path)")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", #"cat "$1" > "$2""#, "sh", "subnets.json", fifo.path]
        writer.currentDirectoryURL = folder
        try writer.run()
        // A writer nobody reads from would wait on the FIFO forever.
        defer { if writer.isRunning { writer.terminate() } }

        XCTAssertEqual(try query("Subnets[*].SubnetId", fifo.path),
                       .init(status: 0, standardOutput: "[\n    \"subnet-1\",\n    \"subnet-2\"\n]\n", standardError: ""))
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationStatus, 0)
    }

    func testReadsDevStdinFromAPipe() throws {
        XCTAssertEqual(try ecslab.run(["query", "length(Subnets)", "/dev/stdin"], standardInput: subnets, throughPipe: true, in: folder),
                       .init(status: 0, standardOutput: "2\n", standardError: ""))
    }

    func testASyntaxErrorExitsTwoWithACaret() throws {
        XCTAssertEqual(
            try query("Subnets[0].]", "subnets.json"),
            .init(
                status: 2, standardOutput: "",
                standardError: """
                    ecslab: syntax error at column 12: expected an identifier, '*', '[' or '{' after '.' but found ']'
                    Subnets[0].]
                               ^

                    """))
        XCTAssertEqual(
            try query("let $n = 'x' in {}", input: "{}"),
            .init(
                status: 2, standardOutput: "",
                standardError: "ecslab: syntax error at column 18: expected a key but found '}'\nlet $n = 'x' in {}\n                 ^\n"))
    }

    func testAnEvaluationErrorExitsOne() throws {
        XCTAssertEqual(
            try query("abs(Subnets)", "subnets.json"),
            .init(
                status: 1, standardOutput: "",
                standardError: """
                    ecslab: invalid-type error at column 1: abs() expects a number as argument 1, but was given an array of object values
                    abs(Subnets)
                    ^

                    """))
        XCTAssertEqual(
            try query("[$nope]", input: "{}"),
            .init(
                status: 1, standardOutput: "",
                standardError: "ecslab: undefined-variable error at column 2: the variable $nope is not defined here\n[$nope]\n ^\n"))
        XCTAssertEqual(try query("lenght(@)", input: "{}").status, 1)
    }

    func testUnreadableOrInvalidInputExitsTwoWithOneLine() throws {
        XCTAssertEqual(
            try query("a", "missing.json"),
            .init(status: 2, standardOutput: "", standardError: "ecslab: missing.json does not exist.\n"))
        XCTAssertEqual(
            try query("a", "."),
            .init(status: 2, standardOutput: "", standardError: "ecslab: . is a folder, not a JSON file.\n"))
        XCTAssertEqual(
            try query("a", input: "{\"a\": "),
            .init(
                status: 2, standardOutput: "",
                standardError: "ecslab: standard input is not valid JSON: line 1, column 7: unexpected end of input, expected a value.\n"))
    }
}

import Foundation
import TestSupport
import XCTest

/// The service models compiled into ecslab are generated, never hand-edited:
/// they live apart from the hand-written model types, say so in their name
/// and first line, and are exactly what the generator writes.
final class GeneratedModelFilesTests: XCTestCase {
    private let generated = TestEnvironment.projectRoot.appendingPathComponent("Sources/AWS/Generated")

    private func generatedFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testEveryGeneratedFileIsNamedAndMarkedAsGenerated() throws {
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: TestEnvironment.projectRoot.appendingPathComponent("Sources/AWS/Models").path),
            "generated models belong in Sources/AWS/Generated")
        let files = try generatedFiles(in: generated)
        XCTAssertTrue(files.contains("ServiceModelData+ec2.generated.swift"), "\(files)")
        XCTAssertTrue(files.contains("ServiceModelData+Catalog.generated.swift"), "\(files)")
        for file in files {
            XCTAssertTrue(file.hasSuffix(".generated.swift"), file)
            let handle = try FileHandle(forReadingFrom: generated.appendingPathComponent(file))
            defer { try? handle.close() }
            let head = String(decoding: try handle.read(upToCount: 512) ?? Data(), as: UTF8.self)
            XCTAssertTrue(head.hasPrefix("// GENERATED FILE - do not edit."), "\(file) starts: \(head.prefix(80))")
            let comment = head.split(separator: "\n").prefix { $0.hasPrefix("//") }.joined(separator: " ")
            XCTAssertTrue(comment.contains("scripts/models/generate"), "\(file): \(comment)")
            XCTAssertTrue(comment.contains("pinned in scripts/requirements.txt"), "\(file): \(comment)")
        }
    }

    func testTheGeneratorWritesExactlyTheCommittedFiles() throws {
        let python = try TestEnvironment.venvProgram("python")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ecslab-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = python
        process.arguments = [TestEnvironment.projectRoot.appendingPathComponent("scripts/models/generate.py").path, "--out", output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "scripts/models/generate.py --out \(output.path)")

        let written = try generatedFiles(in: output)
        XCTAssertEqual(written, try generatedFiles(in: generated))
        for file in written {
            let fresh = try Data(contentsOf: output.appendingPathComponent(file))
            let committed = try Data(contentsOf: generated.appendingPathComponent(file))
            XCTAssertTrue(fresh == committed, "\(file) differs from what scripts/models/generate writes")
        }
    }
}

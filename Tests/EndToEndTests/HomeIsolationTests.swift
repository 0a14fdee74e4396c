import Foundation
import TestSupport
import XCTest

/// Everything ecslab writes lands under `$HOME`, the XDG folders, or a
/// path the learner gave: a walk of lessons 6 and 7 with them all pointing
/// at a fresh folder leaves the home the password database names as it was.
final class HomeIsolationTests: XCTestCase {
    /// Each entry of `folder` down to `depth` levels, with its size and time
    /// of change: a folder's time changes when an entry is added or removed.
    private func listing(_ folder: URL, depth: Int = 3) -> [String: String] {
        var entries: [String: String] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return entries }
        for case let url as URL in walker {
            let relative = String(url.path.dropFirst(folder.path.count))
            if walker.level >= depth { walker.skipDescendants() }
            // Caches of the build tools running the tests, not ecslab's.
            if relative.hasPrefix("/.cache") || relative.hasPrefix("/.swiftpm") || relative.hasPrefix("/.claude") { continue }
            let values = try? url.resourceValues(forKeys: Set(keys))
            entries[relative] = "\(values?.fileSize ?? 0) \(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }
        return entries
    }

    func testALessonWalkWritesNothingOutsideTheFoldersItWasGiven() throws {
        let ecslab = try BuiltExecutable("ecslab")
        let fresh = try TestEnvironment.temporaryFolder("ecslab-isolated")
        var environment = try TestEnvironment.venvEnvironment()
        for name in environment.keys where name.hasPrefix("AWS_") { environment[name] = nil }
        environment["HOME"] = fresh.appendingPathComponent("home").path
        for (name, folder) in ["XDG_STATE_HOME": "state", "XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache"] {
            environment[name] = fresh.appendingPathComponent(folder).path
        }
        environment["ECSLAB_COURSE"] = TestEnvironment.projectRoot.path
        environment["ECSLAB_SANDBOX_NAT_SECONDS"] = "1"
        let realHome = URL(fileURLWithPath: NSHomeDirectory())
        let before = listing(realHome)
        let temporary = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).filter { $0.hasPrefix("ecslab") }

        for words in [
            ["sandbox", "start"], ["--sandbox", "do", "web-app", "--yes"], ["--sandbox", "do", "fargate-task", "--with-requirements", "--yes"],
            ["--sandbox", "check", "fargate-task"], ["--sandbox", "cleanup", "all", "--yes"], ["sandbox", "stop"],
        ] {
            let outcome = try ecslab.run(words, in: fresh, environment: environment)
            XCTAssertEqual(outcome.status, 0, "ecslab \(words.joined(separator: " ")):\n\(outcome.standardOutput)\n\(outcome.standardError)")
            if words.contains("web-app") {
                XCTAssertTrue(outcome.standardOutput.contains("Laid out the app in ~/ecslab-web"), outcome.standardOutput)
            }
            if words.contains("cleanup") {
                XCTAssertTrue(
                    outcome.standardOutput.contains("The app folder ~/ecslab-web holds your code and is kept; ecslab cleanup all --remove-app deletes it."),
                    outcome.standardOutput)
            }
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh.appendingPathComponent("home/ecslab-web/app.js").path), "the app is in $HOME")
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh.appendingPathComponent("state/ecslab").path), "the state is in XDG_STATE_HOME")

        let after = listing(realHome)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        XCTAssertEqual(changed, [], "ecslab changed the real home \(realHome.path)")
        let temporaryAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).filter { $0.hasPrefix("ecslab") }
        XCTAssertEqual(temporaryAfter.subtracting(temporary).filter { !$0.hasPrefix("ecslab-run-") && !$0.hasPrefix("ecslab-isolated") }, [])

        let removed = try ecslab.run(["--sandbox", "cleanup", "all", "--yes", "--remove-app"], in: fresh, environment: environment)
        XCTAssertTrue(removed.standardOutput.contains("Deleted the app folder ~/ecslab-web."), removed.standardOutput)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh.appendingPathComponent("home/ecslab-web").path))
    }
}

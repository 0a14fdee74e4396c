import Foundation
import TestSupport
import XCTest

/// scripts/install into a temporary PREFIX, with this build's binary: the
/// installed `ecslab`, started by name from PATH in a folder that has
/// nothing to do with the checkout, finds its course and its sandbox; the
/// completions work; scripts/uninstall then leaves nothing it wrote.
final class InstallTests: XCTestCase {
    func testAnInstallRunsFromAnyFolderAndUninstallsToNothing() throws {
        let built = try BuiltExecutable("ecslab")
        let root = try TestEnvironment.temporaryFolder("ecslab-install")
        defer { try? FileManager.default.removeItem(at: root) }
        let prefix = root.appendingPathComponent("prefix")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("AWS_") || name.hasPrefix("ECSLAB_") { environment[name] = nil }
        environment["HOME"] = root.appendingPathComponent("home").path
        environment["XDG_DATA_HOME"] = root.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = root.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = root.appendingPathComponent("config").path
        // The pip cache of the real home, so the virtualenv is built from the wheels scripts/setup fetched.
        environment["PIP_CACHE_DIR"] = URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".cache/pip").path

        let bash = BuiltExecutable(at: URL(fileURLWithPath: "/bin/bash"))
        let script = TestEnvironment.projectRoot.appendingPathComponent("scripts")
        var installing = environment
        installing["ECSLAB_INSTALL_BINARY"] = built.url.path
        installing["ECSLAB_INSTALL_SKIP_MANUAL"] = "1"
        let install = try bash.run(
            [script.appendingPathComponent("install").path, prefix.path], in: elsewhere, environment: installing, inheritsEnvironment: false,
            timeout: 600)
        XCTAssertEqual(install.status, 0, install.standardError)

        let manifest = try String(contentsOf: prefix.appendingPathComponent("share/ecslab/installed-files"), encoding: .utf8)
        let files = manifest.split(separator: "\n").filter { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) }
        XCTAssert(files.contains(prefix.appendingPathComponent("bin/ecslab").path))
        XCTAssert(files.contains(prefix.appendingPathComponent("share/ecslab/lessons/04-network/lesson.yaml").path))
        XCTAssert(files.contains(prefix.appendingPathComponent("share/ecslab/prices.yaml").path))
        for completion in ["bash-completion/completions/ecslab", "zsh/site-functions/_ecslab", "fish/vendor_completions.d/ecslab.fish"] {
            let path = prefix.appendingPathComponent("share").appendingPathComponent(completion).path
            XCTAssert(files.contains(path), completion)
            XCTAssertGreaterThan((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0, 100, completion)
        }
        let venv = root.appendingPathComponent("data/ecslab/venv")
        XCTAssert(FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("bin/moto_server").path), "the sandbox's moto")

        // By name, from PATH, in an unrelated folder: no checkout is anywhere near.
        var user = environment
        user["PATH"] = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        let shell = { (command: String) throws -> BuiltExecutable.Outcome in
            try bash.run(["-c", command], in: elsewhere, environment: user, inheritsEnvironment: false, timeout: 300)
        }
        let lessons = try shell("ecslab lessons")
        XCTAssertEqual(lessons.status, 0, lessons.standardError)
        for id in ["shipping", "ecs-anatomy", "iam-roles", "network", "clusters", "web-app", "fargate-task"] {
            XCTAssert(lessons.standardOutput.contains(id), "\(id) in:\n\(lessons.standardOutput)")
        }
        // A sandbox that outlives one command, as a learner keeps it between `do` and `check`.
        let started = try shell("ecslab sandbox start")
        XCTAssertEqual(started.status, 0, started.standardError)
        let done = try shell("ecslab --sandbox do iam-roles --yes")
        XCTAssertEqual(done.status, 0, done.standardOutput + done.standardError)
        let checked = try shell("ecslab --sandbox check iam-roles --format json")
        XCTAssertEqual(checked.status, 0, checked.standardOutput + checked.standardError)
        XCTAssert(checked.standardOutput.contains("\"failed\": 0"), checked.standardOutput)
        let stopped = try shell("ecslab sandbox stop")
        XCTAssertEqual(stopped.status, 0, stopped.standardError)
        // Completion of the subcommands, as bash would offer them.
        let completion = try shell(
            "source \(prefix.path)/share/bash-completion/completions/ecslab; COMP_WORDS=(ecslab ch); COMP_CWORD=1; _ecslab; printf '%s\\n' \"${COMPREPLY[@]}\"")
        XCTAssert(completion.standardOutput.split(separator: "\n").contains("check"), completion.standardOutput + completion.standardError)

        let uninstall = try bash.run(
            [script.appendingPathComponent("uninstall").path, prefix.path], in: elsewhere, environment: environment, inheritsEnvironment: false)
        XCTAssertEqual(uninstall.status, 0, uninstall.standardError)
        let left = FileManager.default.enumerator(atPath: prefix.path)?.allObjects.compactMap { $0 as? String } ?? []
        XCTAssertEqual(left, [], "scripts/uninstall left these in the prefix")
        XCTAssertFalse(FileManager.default.fileExists(atPath: venv.path), "the virtualenv went too")
        XCTAssert(FileManager.default.fileExists(atPath: root.appendingPathComponent("state/ecslab").path), "the learner's state is kept")
    }
}

import Course

/// Stops the programs the lessons started on this machine (the app), so
/// that nothing the tutor started outlives it; each is named first.
struct LocalAppStopper: Sendable {
    let workspace: Workspace

    func stopAll() async {
        let running = ((try? workspace.ledger.live()) ?? []).filter { $0.localProcess != nil }
        guard !running.isEmpty else { return }
        for entry in running {
            guard let process = entry.localProcess else { continue }
            // The ledger names the call `local:start node app.js`.
            let command = entry.operation.hasPrefix("local:start ") ? String(entry.operation.dropFirst("local:start ".count)) : process.match
            workspace.console.out(TutorText.stoppingLocalApp(workspace.language, ["command": command, "pid": String(process.pid)]))
        }
        _ = try? await workspace.teardown().run(lesson: nil, localOnly: true)
    }
}

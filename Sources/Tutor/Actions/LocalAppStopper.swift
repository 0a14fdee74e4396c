import Course

/// Stops the programs the lessons started on this machine (the app), so
/// that nothing the tutor started outlives it; each is named first.
struct LocalAppStopper: Sendable {
    let workspace: Workspace

    func stopAll() async {
        let running = ((try? workspace.ledger.live()) ?? []).compactMap(\.localProcess)
        guard !running.isEmpty else { return }
        for process in running {
            workspace.console.out(TutorText.stoppingLocalApp(workspace.language, ["command": process.match, "pid": String(process.pid)]))
        }
        _ = try? await workspace.teardown().run(lesson: nil, localOnly: true)
    }
}

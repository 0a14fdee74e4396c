import ArgumentParser
import Course
import Foundation
import REPL

/// The account: where the tutor works, what runs there, tearing down,
/// raw calls, and the learner's settings.
extension TutorSession {
    func status() {
        say(.statusAccount, ["account": workspace.identity.account, "arn": workspace.identity.arn])
        say(.statusRegion, ["region": workspace.session.region])
        say(.statusEndpoint, ["endpoint": workspace.endpoint?.url ?? "AWS (\(workspace.session.region))"])
        let mode: TutorText
        switch target {
        case .endpoint: mode = .modeEndpoint
        case .realAccount: mode = .modeReal
        case .sandbox: mode = .modeSandbox
        }
        say(.statusMode, ["mode": mode(language)])
        let costly = ((try? workspace.ledger.live()) ?? []).filter { $0.usdPerHour > 0 }
        if costly.isEmpty {
            say(.statusNothingRunning)
            return
        }
        for entry in costly {
            say(.statusRunning, [
                "lesson": entry.lesson, "step": entry.step, "operation": entry.operation,
                "usd": String(TutorPrompt.cost(entry.usdPerHour).dropFirst()),
            ])
        }
        say(.statusCost, ["usd": String(TutorPrompt.cost(costly.reduce(0) { $0 + $1.usdPerHour }).dropFirst())])
    }

    /// `cleanup` tears down the current lesson, `cleanup LESSON` that one,
    /// `cleanup all` everything the tutor created.
    func cleanup(_ argument: String?) async throws {
        let lesson: String?
        switch argument {
        case "all": lesson = nil
        case .some(let id): lesson = try self.lesson(named: id).id
        case nil: lesson = try requireLesson().id
        }
        guard confirm(TutorText.cleanupAsk(language, ["what": lesson ?? (language == .zh ? "所有课程" : "all lessons")]), defaultYes: true) else { return }
        let snapshot = workspace
        let account = waitingAccount
        _ = try await interruption.run {
            try await CleanupCommand.tearDown(lesson: lesson, in: snapshot, dryRun: false, account: account)
        }
    }

    /// `call`, exactly as `ecslab call` does it, against the tutor's account.
    func call(_ arguments: [String]) async throws {
        var words = arguments
        if let endpoint = workspace.endpoint, !words.contains("--endpoint-url") { words += ["--endpoint-url", endpoint.url] }
        if !words.contains("--region") { words += ["--region", workspace.session.region] }
        if let profile = options.profile, !words.contains("--profile") { words += ["--profile", profile] }
        let command: CallCommand
        do {
            command = try CallCommand.parse(words)
        } catch {
            Console.out(CallCommand.message(for: error))
            return
        }
        defer { fflush(nil) }
        do {
            try await interruption.run { try await command.run() }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // `call` has printed what went wrong, as the aws CLI would.
            fflush(nil)
            if !(error is ExitCode) { Console.out(CallCommand.message(for: error)) }
        }
    }

    func switchLanguage(_ code: String?) throws {
        guard let code, let chosen = Language(rawValue: code) else {
            say(.languageUsage)
            return
        }
        workspace = workspace.speaking(chosen)
        workspace.sandboxAccount?.speak(chosen)
        say(.languageSwitched)
    }

    func reset() throws {
        guard confirm(TutorText.resetAsk(language), defaultYes: false) else { return }
        try workspace.progressStore.reset()
        workspace.progress = LearnerProgress()
        say(.resetDone)
    }
}

extension CourseWorkspace {
    /// The same workspace, speaking `language`.
    func speaking(_ language: Language) -> CourseWorkspace {
        CourseWorkspace(
            content: content, language: language, session: session, identity: identity, account: account, ledger: ledger,
            progressStore: progressStore, progress: progress, owner: owner, transport: transport, courseFolder: courseFolder,
            endpoint: endpoint, sandbox: sandbox, sandboxAccount: sandboxAccount)
    }
}

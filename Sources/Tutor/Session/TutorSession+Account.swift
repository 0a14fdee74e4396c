import Course
import Foundation
import Terminal

/// The account: where the tutor works, what runs there, tearing down,
/// raw calls, and the learner's settings.
extension TutorSession {
    func status() {
        say(.statusAccount, ["account": workspace.identity.account, "arn": workspace.identity.arn])
        say(.statusRegion, ["region": workspace.aws.region])
        say(.statusEndpoint, ["endpoint": workspace.endpoint?.url ?? "AWS (\(workspace.aws.region))"])
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
                "lesson": entry.lesson, "step": entry.step, "operation": entry.operation, "name": entry.tags["Name"]?.stringValue ?? "",
                "usd": String(TutorPrompt.cost(entry.usdPerHour).dropFirst()),
            ])
        }
        say(.statusCost, ["usd": String(TutorPrompt.cost(costly.reduce(0) { $0 + $1.usdPerHour }).dropFirst())])
        let prices = workspace.content.prices
        if let region = prices.pricedRegion(workspace.aws.region) {
            say(.statusPrices, ["region": region, "checked": prices.checked, "source": prices.source])
        }
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
        let snapshot = waitingWorkspace
        let cleanup = ResourceCleanup(asksFirst: true)
        let plan = try await interruption.run { try await cleanup.plan(lesson: lesson, in: snapshot) }
        guard let chosen = cleanup.choose(from: plan, language: language, console: console, ask: { self.confirm($0, defaultYes: $1) }) else { return }
        _ = try await interruption.run {
            try await cleanup.carryOut(plan, chosen: chosen, lesson: lesson, in: snapshot)
        }
    }

    /// `call`, exactly as `ecslab call` does it, against the tutor's account.
    func call(_ arguments: [String]) async throws {
        var words = arguments
        let options = workspace.options
        if let endpoint = workspace.endpoint, !words.contains("--endpoint-url") { words += ["--endpoint-url", endpoint.url] }
        if !words.contains("--region") { words += ["--region", workspace.aws.region] }
        if let profile = options.profile, !words.contains("--profile") { words += ["--profile", profile] }
        let prepared: RawCall.Prepared
        do {
            let call = RawCall(try CallArguments.parse(words), console: console, environment: options.environment)
            prepared = try call.prepare()
            if prepared.changes {
                let asked = confirm(prepared.question, defaultYes: false)
                guard asked else { throw call.refusal(prepared, asked: true) }
            }
        } catch let failure as CommandFailure {
            console.error("ecslab: \(failure.message)")
            return
        } catch {
            // What the argument parser says of the words, as `ecslab call` says it.
            console.out(CallArguments.message(for: error))
            return
        }
        do {
            try await interruption.run { try await prepared.run() }
        } catch let failure as CommandFailure {
            console.error("ecslab: \(failure.message)")
        }
    }

    func switchLanguage(_ code: String?) {
        guard let code, let chosen = Language(rawValue: code) else {
            say(.languageUsage)
            return
        }
        workspace.speak(chosen)
        say(.languageSwitched)
    }

    func reset() throws {
        guard confirm(TutorText.resetAsk(language), defaultYes: false) else { return }
        try workspace.progressStore.reset()
        workspace.progress = LearnerProgress()
        say(.resetDone)
    }
}

import Foundation
import JSON

/// Removes what the tutor created: the ledger's undo calls, newest first.
/// "Not found" counts as done; "still in use" is retried with backoff, since
/// AWS often needs a moment between deleting a thing and what it sat in.
/// It ends by proving that nothing tagged for the lesson remains, and it
/// only ever touches what the ledger lists or what carries our tags.
public struct Teardown: Sendable {
    public enum Event: Sendable {
        case deleting(LedgerEntry, cli: String)
        case wouldDelete(LedgerEntry, cli: String)
        case deleted(LedgerEntry)
        case alreadyGone(LedgerEntry)
        case retrying(LedgerEntry, code: String, afterSeconds: Double)
        case waiting(WaitProgress)
        /// Created before a crash with no undo recorded: shown, not guessed at.
        case orphan(LedgerEntry)
        case failed(LedgerEntry, String)
    }

    public struct Report: Sendable {
        public var deleted: [LedgerEntry] = []
        public var failed: [(entry: LedgerEntry, reason: String)] = []
        public var orphans: [LedgerEntry] = []
        /// What still carries the lesson's tags after teardown: empty proves it clean.
        public var remaining: [String] = []
        /// The hourly cost of what was deleted.
        public var usdPerHourSaved: Double { deleted.reduce(0) { $0 + $1.usdPerHour } }
        public var isClean: Bool { failed.isEmpty && orphans.isEmpty && remaining.isEmpty }
        /// Whether the proof covered everything tagged for the lesson (or the
        /// course), not only what this run deleted.
        public var searchedEverything = false
    }

    public var api: any AccountAPI
    public var ledger: Ledger
    public var owner: String
    public var reconciler: LedgerReconciler
    /// Rounds of retries for "still in use" errors.
    public var maxRounds = 8
    public var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
    public var now: @Sendable () -> Date = { Date() }

    public init(api: any AccountAPI, ledger: Ledger, owner: String, reconciler: LedgerReconciler) {
        self.api = api
        self.ledger = ledger
        self.owner = owner
        self.reconciler = reconciler
    }

    /// Tears down `lesson` (or everything, when `nil`); with `costlyOnly`,
    /// only what costs money by the hour; with `expiredOnly`, only what is
    /// past its `expires-at`.
    /// With `steps`, only what those steps of the lesson created; with
    /// `localOnly`, only the programs started on this machine (the app).
    public func run(
        lesson: String?, steps: Set<String>? = nil, costlyOnly: Bool = false, expiredOnly: Bool = false, localOnly: Bool = false,
        dryRun: Bool = false,
        observe: @escaping @Sendable (Event) -> Void = { _ in }
    ) async throws -> Report {
        var report = Report()
        var queue: [LedgerEntry] = []
        for entry in try ledger.live(lesson: lesson).reversed() {
            if let steps, !steps.contains(entry.step) { continue }
            if costlyOnly && entry.usdPerHour == 0 { continue }
            if expiredOnly, !isExpired(entry) { continue }
            if localOnly, entry.localProcess == nil { continue }
            let settled = dryRun ? entry : try await reconciler.reconcile(entry)
            switch settled.state {
            case .created where settled.undo != nil: queue.append(settled)
            case .created: report.orphans.append(settled); observe(.orphan(settled))
            default: continue
            }
        }
        var round = 0
        while !queue.isEmpty {
            var retry: [LedgerEntry] = []
            var lastCode = ""
            for entry in queue {
                switch await undo(entry, dryRun: dryRun, observe: observe) {
                case .done:
                    report.deleted.append(entry)
                case .inUse(let code):
                    retry.append(entry)
                    lastCode = code
                case .failed(let reason):
                    report.failed.append((entry, reason))
                    observe(.failed(entry, reason))
                }
            }
            guard !retry.isEmpty else { break }
            round += 1
            if round >= maxRounds {
                for entry in retry {
                    let reason = "still in use after \(round) tries (\(lastCode))"
                    report.failed.append((entry, reason))
                    observe(.failed(entry, reason))
                }
                break
            }
            let delay = min(30, pow(2, Double(round)))
            for entry in retry { observe(.retrying(entry, code: lastCode, afterSeconds: delay)) }
            try await sleep(delay)
            queue = retry
        }
        if !dryRun {
            report.remaining = try await stillThere(report.deleted)
            let search = TaggedResourceSearch(api: api)
            if steps != nil {
                // Part of a lesson: what carries the deleted entries' own tags.
                for entry in report.deleted {
                    for arn in try await search.arns(tagged: [CourseTags.entryKey: entry.id]) where try await search.stillExists(arn) {
                        report.remaining.append(arn)
                    }
                }
            } else if !costlyOnly, !expiredOnly, !localOnly {
                report.remaining += try await search.remaining(lesson: lesson, owner: owner)
                report.searchedEverything = true
            }
        }
        return report
    }

    /// What was deleted but can still be read back, for the kinds the tagging
    /// API cannot list.
    private func stillThere(_ deleted: [LedgerEntry]) async throws -> [String] {
        var remaining: [String] = []
        for entry in deleted {
            guard let undo = entry.undo, let name = undo["call"]?.stringValue, let operation = OperationName(parsing: name),
                let probe = GoneProbe.forUndo(operation)
            else { continue }
            let parameters = undo["params"] ?? .object(JSONObject())
            if try await probe.isStillThere(parameters, api: api) {
                remaining.append("\(entry.operation) \(parameters.text)")
            }
        }
        return remaining
    }

    private func isExpired(_ entry: LedgerEntry) -> Bool {
        guard let text = entry.tags[CourseTags.expiresKey]?.stringValue, let expiry = CourseTags.parseDate(text) else {
            return false
        }
        return expiry <= now()
    }

    private enum UndoResult {
        case done
        case inUse(String)
        case failed(String)
    }

    private func undo(_ entry: LedgerEntry, dryRun: Bool, observe: @escaping @Sendable (Event) -> Void) async -> UndoResult {
        if let (pid, match) = entry.localProcess {
            // A program the tutor started on this machine (the app).
            let cli = "kill \(pid)  # \(match)"
            if dryRun {
                observe(.wouldDelete(entry, cli: cli))
                return .done
            }
            observe(.deleting(entry, cli: cli))
            guard LocalRunner.stop(pid: pid, match: match) else { return .failed("process \(pid) did not stop") }
            try? ledger.append(LedgerEvent(.deleted, id: entry.id, time: now()))
            observe(.deleted(entry))
            return .done
        }
        guard let undo = entry.undo, let name = undo["call"]?.stringValue, let operation = OperationName(parsing: name) else {
            return .failed("the ledger has no usable undo call")
        }
        let input = undo["params"] ?? .object(JSONObject())
        let cli = api.cliCommand(operation, input: input)
        if dryRun {
            observe(.wouldDelete(entry, cli: cli))
            return .done
        }
        observe(.deleting(entry, cli: cli))
        do {
            _ = try await api.call(operation, input: input)
        } catch {
            let code = api.errorCode(of: error) ?? ""
            if TeardownErrors.isNotFound(code) {
                try? ledger.append(LedgerEvent(.deleted, id: entry.id, time: now(), fields: ["note": "already gone"]))
                observe(.alreadyGone(entry))
                return .done
            }
            if TeardownErrors.isDependency(code) { return .inUse(code) }
            return .failed(String(describing: error))
        }
        if let wait = entry.fields["undo-wait"], let service = wait["service"]?.stringValue, let waiter = wait["waiter"]?.stringValue {
            do {
                try await api.wait(service: service, waiter: waiter, input: wait["params"] ?? .object(JSONObject())) { progress in
                    observe(.waiting(progress))
                }
            } catch {
                return .failed("deleted, but waiting for it to be gone failed: \(error)")
            }
        }
        do {
            try ledger.append(LedgerEvent(.deleted, id: entry.id, time: now()))
        } catch {
            return .failed(String(describing: error))
        }
        observe(.deleted(entry))
        return .done
    }
}

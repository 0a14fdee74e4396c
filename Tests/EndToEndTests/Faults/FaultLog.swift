import Foundation

/// What builders/fault_proxy.py wrote: how many calls reached it and the
/// faults it injected, each with its call's number, so that the part of a
/// log one command made is the calls after the log as it was before.
struct FaultLog: Sendable {
    struct Fault: Sendable, Equatable {
        var call: Int
        /// 500, 503, throttle, reset, drop, stall, truncate or hang.
        var kind: String
        /// before: moto never saw the call; after: moto made the change and the answer was broken.
        var place: String
        var changes: Bool
        var service: String
        var operation: String

        /// A stall only delays the answer; every other kind fails the attempt.
        var failsTheAttempt: Bool { kind != "stall" }
        /// The hard case: the change was made, but the client saw an error.
        var brokeAMadeChange: Bool { changes && place == "after" && failsTheAttempt }
    }

    var calls: Int
    var faults: [Fault]

    init(calls: Int = 0, faults: [Fault] = []) {
        self.calls = calls
        self.faults = faults
    }

    /// Reads `call N SERVICE OPERATION` and `fault N KIND PLACE change|read SERVICE OPERATION` lines.
    init(_ text: String) {
        var calls = 0
        var faults: [Fault] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 6).map(String.init)
            if fields.first == "call", fields.count >= 2, let number = Int(fields[1]) {
                calls = max(calls, number)
            } else if fields.first == "fault", fields.count == 7, let number = Int(fields[1]) {
                faults.append(Fault(
                    call: number, kind: fields[2], place: fields[3], changes: fields[4] == "change", service: fields[5], operation: fields[6]))
            }
        }
        self.init(calls: calls, faults: faults)
    }

    /// What came after `earlier`, an earlier reading of the same log.
    func since(_ earlier: FaultLog) -> FaultLog {
        FaultLog(calls: calls - earlier.calls, faults: faults.filter { $0.call > earlier.calls })
    }

    var failing: Int { faults.filter(\.failsTheAttempt).count }

    /// `500 2, reset 1, ...`, in the proxy's order of kinds.
    var byKind: String {
        let order = ["500", "503", "throttle", "reset", "drop", "stall", "truncate", "hang"]
        let counts = Dictionary(grouping: faults, by: \.kind).mapValues(\.count)
        return order.compactMap { kind in counts[kind].map { "\(kind) \($0)" } }.joined(separator: ", ")
    }
}

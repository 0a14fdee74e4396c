import AWS
import Course
import Foundation
import JSON

/// One account's calls, paced: at most `rate` a second after a first burst,
/// and half as many for a while each time AWS says it is throttling. Every
/// learner has a pace of their own, so a throttled account slows only itself
/// while the rest of the class is graded at full speed.
struct PacedAccount: WrappingAccount {
    let inner: any AccountAPI
    let pace: AccountPace


    func call(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await paced { try await inner.call(operation, input: input) }
    }

    func paginate(_ operation: OperationName, input: JSON) async throws -> JSON {
        try await paced { try await inner.paginate(operation, input: input) }
    }

    private func paced(_ body: () async throws -> JSON) async throws -> JSON {
        try await pace.admit()
        do {
            let answer = try await body()
            await pace.succeeded()
            return answer
        } catch {
            if let code = inner.errorCode(of: error), RetryableErrorClassifier.throttlingCodes.contains(code) { await pace.throttled() }
            throw error
        }
    }

}

/// A token bucket for one account that halves its rate when throttled and
/// wins it back slowly (additive increase, multiplicative decrease).
actor AccountPace {
    let fullRate: Double
    private(set) var rate: Double
    private var tokens: Double
    private var last: Double
    private let burst: Double
    private let now: @Sendable () -> Double
    private let sleep: @Sendable (Double) async throws -> Void

    init(
        rate: Double, now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
        sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1_000_000_000)) }
    ) {
        fullRate = max(rate, 0.1)
        self.rate = fullRate
        burst = max(1, fullRate)
        tokens = burst
        self.now = now
        self.sleep = sleep
        last = now()
    }

    /// Waits until the account may make one more call.
    func admit() async throws {
        while true {
            refill()
            // Within a rounding error of a whole token is a token: a clock's
            // last digit must not keep a call waiting for ever.
            if tokens >= 1 - 1e-6 {
                tokens -= 1
                return
            }
            try await sleep(max((1 - tokens) / rate, 0.001))
        }
    }

    func succeeded() {
        rate = min(fullRate, rate + fullRate / 20)
    }

    func throttled() {
        rate = max(fullRate / 32, rate / 2)
        tokens = min(tokens, 0)
    }

    private func refill() {
        let time = now()
        tokens = min(burst, tokens + (time - last) * rate)
        last = time
    }
}

import AWS
import Course
import JSON
import Synchronization
import TestSupport
import XCTest

/// A run makes its independent reads at once, up to its bound, and still
/// reports what one read after another would: the same results in the same
/// order, from the same reads.
final class ReadAheadTests: XCTestCase {
    private static let content = CourseLoader(root: TestEnvironment.projectRoot).load().content

    /// Answers every read with an empty answer a little later, and keeps the
    /// most reads it was ever asked for at the same time.
    private final class SlowAccount: AccountAPI, Sendable {
        let account = "123456789012"
        let region = "ap-northeast-1"
        private let state = Mutex<(calls: [String], inFlight: Int, most: Int)>(([], 0, 0))
        var calls: [String] { state.withLock { $0.calls } }
        var mostAtOnce: Int { state.withLock { $0.most } }

        func call(_ operation: OperationName, input: JSON) async throws -> JSON {
            state.withLock { state in
                state.calls.append("\(operation) \(input.formatted(JSONFormat(sortKeys: true)))")
                state.inFlight += 1
                state.most = max(state.most, state.inFlight)
            }
            try await Task.sleep(nanoseconds: 20_000_000)
            state.withLock { $0.inFlight -= 1 }
            return [:]
        }
        func paginate(_ operation: OperationName, input: JSON) async throws -> JSON { try await call(operation, input: input) }
        func wait(service: String, waiter: String, input: JSON, progress: @escaping @Sendable (WaitProgress) -> Void) async throws {
            XCTFail("checks never wait")
        }
        func cliCommand(_ operation: OperationName, input: JSON) -> String { "" }
        func tagParameter(of operation: OperationName) -> TagParameter? { nil }
        func idempotencyTokenMember(of operation: OperationName) -> String? { nil }
        func errorCode(of error: any Error) -> String? { nil }
    }

    private func run(readsAtOnce: Int) async -> (CheckRun, SlowAccount) {
        let content = Self.content
        let account = SlowAccount()
        var runner = CheckRunner(api: account, prober: TransportProber(transport: CurlTransport()))
        runner.content = content
        runner.gradesQuizzes = false
        runner.readConcurrency = readsAtOnce
        let batches = content.lessons.map { lesson in
            (checks: content.accountChecks(of: [lesson.id]),
             scope: VariableScope(lesson: lesson, builtIns: ["account": "123456789012", "region": "ap-northeast-1"], overrides: [:], progress: LearnerProgress(), content: content))
        }
        return (await runner.run(batches, all: content.checks, patient: false), account)
    }

    func testReadsAtOnceChangeNothingButTheTime() async throws {
        let (oneByOne, sequential) = await run(readsAtOnce: 1)
        let (together, concurrent) = await run(readsAtOnce: 8)
        XCTAssertFalse(oneByOne.results.isEmpty)
        XCTAssertEqual(together.results.map(\.check.id), oneByOne.results.map(\.check.id), "reported in the same order")
        for (a, b) in zip(together.results, oneByOne.results) where a.status != b.status || a.failureMessage?.en != b.failureMessage?.en {
            XCTFail("\(a.check.id): \(a.status) \(a.failureMessage?.en ?? a.reason?.en ?? "") but one by one \(b.status) \(b.failureMessage?.en ?? b.reason?.en ?? "")")
        }
        XCTAssertEqual(together.results.map(\.status), oneByOne.results.map(\.status))
        XCTAssertEqual(together.results.map { $0.failureMessage?.en }, oneByOne.results.map { $0.failureMessage?.en })
        // Reads of checks that will be skipped are made ahead with their
        // dependencies' (an empty account fails them all); nothing else differs.
        XCTAssertEqual(Set(sequential.calls).subtracting(concurrent.calls), [], "every read one by one makes")
        XCTAssertEqual(Set(concurrent.calls).count, concurrent.calls.count, "no read is made twice")
        XCTAssertEqual(together.reads, concurrent.calls.count)
        XCTAssertGreaterThanOrEqual(together.lookups, oneByOne.lookups)
        XCTAssertEqual(sequential.mostAtOnce, 1)
        XCTAssertGreaterThan(concurrent.mostAtOnce, 1, "independent reads are made at once")
        XCTAssertLessThanOrEqual(concurrent.mostAtOnce, 8, "never more than the bound")
        XCTAssertEqual(oneByOne.rounds, 0)
        XCTAssertGreaterThanOrEqual(together.rounds, 1)
    }
}

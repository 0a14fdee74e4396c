import AWS
import Foundation
import XCTest

final class RetryStrategyTests: XCTestCase {
    private let sleeps = Recorder<Duration>()

    private func strategy(maximumAttempts: Int = 3, quota: RetryQuota = RetryQuota(), random: Double = 0.5) -> StandardRetryStrategy {
        let sleeps = sleeps
        return StandardRetryStrategy(
            maximumAttempts: maximumAttempts, quota: quota,
            sleep: { sleeps.append($0) }, random: { random }
        )
    }

    private func sender(_ transport: ScriptedTransport, _ retry: StandardRetryStrategy) -> AWSRequestSender {
        let clock = Recorder<Int>()
        return AWSRequestSender(
            transport: transport, credentials: FixedCredentials("AKIDEXAMPLE", "secret"), region: "us-east-1", retry: retry,
            now: {
                // One second later on every signing, to see each attempt signed afresh.
                clock.append(1)
                return Date(timeIntervalSince1970: 1_700_000_000 + Double(clock.all.count))
            }
        )
    }

    private let request = HTTPRequest(method: "POST", host: "sts.us-east-1.amazonaws.com", body: Array("Action=GetCallerIdentity".utf8))

    func testBackoffIsFullJitterExponentialCappedAtTwentySeconds() {
        let half = strategy(random: 0.5)
        XCTAssertEqual((1...7).map { half.delay(after: $0) }, [
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20),
        ])
        let none = strategy(random: 0)
        XCTAssertEqual(none.delay(after: 3), .zero)
        let full = strategy(random: 1)
        XCTAssertEqual((1...6).map { full.delay(after: $0) }, [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20)])
    }

    func testServerErrorIsRetriedThenSucceedsAndTheQuotaIsRefunded() async throws {
        let quota = RetryQuota()
        let transport = ScriptedTransport([ScriptedTransport.response(500), ScriptedTransport.response(200, "ok")])
        let response = try await sender(transport, strategy(quota: quota)).send(request, signingName: "sts")

        XCTAssertEqual(response.bodyText, "ok")
        XCTAssertEqual(transport.sent.count, 2)
        XCTAssertEqual(sleeps.all, [.milliseconds(500)])
        XCTAssertEqual(quota.availableTokens, 500)
        // Each attempt is signed with its own date.
        XCTAssertEqual(transport.sent.map { $0.headers["X-Amz-Date"] }, ["20231114T221321Z", "20231114T221322Z"])
        XCTAssertNotEqual(transport.sent[0].headers["Authorization"], transport.sent[1].headers["Authorization"])
    }

    /// A caller that can look for what a lost answer made keeps the attempt
    /// of unknown outcome from a retry; a throttled attempt, which AWS did
    /// not act on, is still retried, and the record counts what it kept.
    func testAnAttemptOfUnknownOutcomeIsLeftToACallerThatAsks() async throws {
        let record = AttemptRecord(retriesUnknownOutcomes: false)
        let lost = ScriptedTransport([ScriptedTransport.response(500), ScriptedTransport.response(200)])
        do {
            _ = try await AttemptRecord.$current.withValue(record) { try await sender(lost, strategy()).send(request, signingName: "sts") }
            XCTFail("the server error should have reached the caller")
        } catch let error as AWSServiceError {
            XCTAssertEqual(error.statusCode, 500)
        }
        XCTAssertEqual(lost.sent.count, 1)
        XCTAssertEqual(record.unknownOutcomes, 1)

        let throttled = ScriptedTransport([ScriptedTransport.queryError(400, code: "Throttling"), ScriptedTransport.response(200)])
        _ = try await AttemptRecord.$current.withValue(record) { try await sender(throttled, strategy()).send(request, signingName: "sts") }
        XCTAssertEqual(throttled.sent.count, 2)
        XCTAssertEqual(record.unknownOutcomes, 1)

        // Without a record, or with one that allows it, it is retried as before, and counted.
        let counting = AttemptRecord(retriesUnknownOutcomes: true)
        let retried = ScriptedTransport([ScriptedTransport.response(503), ScriptedTransport.response(200)])
        _ = try await AttemptRecord.$current.withValue(counting) { try await sender(retried, strategy()).send(request, signingName: "sts") }
        XCTAssertEqual(retried.sent.count, 2)
        XCTAssertEqual(counting.unknownOutcomes, 1)
    }

    func testWhichFailuresLeaveTheOutcomeUnknown() {
        XCTAssertTrue(RetryableErrorClassifier.outcomeIsUnknown(AWSServiceError(code: "InternalError", message: "", statusCode: 500)))
        XCTAssertTrue(RetryableErrorClassifier.outcomeIsUnknown(AWSTransportError(kind: .timeout, host: "h")))
        XCTAssertTrue(RetryableErrorClassifier.outcomeIsUnknown(AWSTransportError(kind: .connectionReset, host: "h")))
        XCTAssertFalse(RetryableErrorClassifier.outcomeIsUnknown(AWSServiceError(code: "Throttling", message: "", statusCode: 400)))
        XCTAssertFalse(RetryableErrorClassifier.outcomeIsUnknown(AWSServiceError(code: "RequestLimitExceeded", message: "", statusCode: 503)))
        XCTAssertFalse(RetryableErrorClassifier.outcomeIsUnknown(AWSTransportError(kind: .connectTimeout, host: "h")))
        XCTAssertFalse(RetryableErrorClassifier.outcomeIsUnknown(AWSTransportError(kind: .connectionRefused, host: "h")))
        XCTAssertFalse(RetryableErrorClassifier.outcomeIsUnknown(AWSServiceError(code: "EntityAlreadyExists", message: "", statusCode: 409)))
    }

    func testEveryTransientStatusIsRetried() async throws {
        for status in [500, 502, 503, 504] {
            let transport = ScriptedTransport([ScriptedTransport.response(status), ScriptedTransport.response(200)])
            _ = try await sender(transport, strategy()).send(request, signingName: "sts")
            XCTAssertEqual(transport.sent.count, 2, "HTTP \(status)")
        }
    }

    func testClientErrorSurfacesAtOnce() async {
        let quota = RetryQuota()
        let transport = ScriptedTransport([ScriptedTransport.queryError(400, code: "ValidationError"), ScriptedTransport.response(200)])
        do {
            _ = try await sender(transport, strategy(quota: quota)).send(request, signingName: "sts")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error as? AWSServiceError, AWSServiceError(
                code: "ValidationError", message: "m", requestID: "r", statusCode: 400, type: "Sender"
            ))
        }
        XCTAssertEqual(transport.sent.count, 1)
        XCTAssertEqual(sleeps.all, [])
        XCTAssertEqual(quota.availableTokens, 500)
    }

    func testOtherFourHundredsAreNeverRetried() async {
        for (status, code) in [(401, "UnrecognizedClientException"), (403, "AccessDenied"), (404, "NoSuchEntity"), (409, "EntityAlreadyExists"), (413, "RequestEntityTooLarge")] {
            let transport = ScriptedTransport([ScriptedTransport.queryError(status, code: code), ScriptedTransport.response(200)])
            await XCTAssertThrowsErrorAsync(try await self.sender(transport, self.strategy()).send(self.request, signingName: "sts"))
            XCTAssertEqual(transport.sent.count, 1, "\(status) \(code)")
        }
    }

    func testThrottlingCodesAreRetried() async throws {
        let transport = ScriptedTransport([
            ScriptedTransport.queryError(400, code: "Throttling"),
            .success(HTTPResponse(status: 400, body: Array(#"{"__type":"com.amazonaws.ecs#ThrottlingException","message":"Rate exceeded"}"#.utf8))),
            ScriptedTransport.response(200),
        ])
        _ = try await sender(transport, strategy()).send(request, signingName: "sts")
        XCTAssertEqual(transport.sent.count, 3)
        XCTAssertEqual(sleeps.all, [.milliseconds(500), .seconds(1)])
        for code in RetryableErrorClassifier.throttlingCodes {
            XCTAssertEqual(RetryableErrorClassifier.reason(for: AWSServiceError(code: code, message: "", statusCode: 400)), .throttling, code)
        }
        for code in ["RequestTimeout", "RequestTimeoutException"] {
            XCTAssertEqual(RetryableErrorClassifier.reason(for: AWSServiceError(code: code, message: "", statusCode: 400)), .transient, code)
        }
    }

    func testGivesUpAfterMaximumAttemptsWithTheLastError() async {
        let quota = RetryQuota()
        let transport = ScriptedTransport(Array(repeating: ScriptedTransport.response(503), count: 5))
        do {
            _ = try await sender(transport, strategy(maximumAttempts: 3, quota: quota)).send(request, signingName: "sts")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error as? AWSServiceError, AWSServiceError(code: "503", message: "Service Unavailable", statusCode: 503))
        }
        XCTAssertEqual(transport.sent.count, 3)
        XCTAssertEqual(sleeps.all, [.milliseconds(500), .seconds(1)])
        XCTAssertEqual(quota.availableTokens, 490)
    }

    func testMaximumAttemptsOfOneNeverRetries() async {
        let transport = ScriptedTransport([ScriptedTransport.response(500), ScriptedTransport.response(200)])
        await XCTAssertThrowsErrorAsync(try await self.sender(transport, self.strategy(maximumAttempts: 1)).send(self.request, signingName: "sts"))
        XCTAssertEqual(transport.sent.count, 1)
    }

    func testAnEmptyQuotaStopsRetrying() async {
        // 7 tokens pay for one retry (5) but not a second.
        let quota = RetryQuota(capacity: 7)
        let transport = ScriptedTransport(Array(repeating: ScriptedTransport.response(500), count: 5))
        do {
            _ = try await sender(transport, strategy(maximumAttempts: 5, quota: quota)).send(request, signingName: "sts")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual((error as? AWSServiceError)?.statusCode, 500)
        }
        XCTAssertEqual(transport.sent.count, 2)
        XCTAssertEqual(quota.availableTokens, 2)
    }

    func testQuotaCostsAndRefunds() {
        let quota = RetryQuota()
        XCTAssertEqual(quota.acquire(for: .throttling), 5)
        XCTAssertEqual(quota.acquire(for: .transient), 5)
        XCTAssertEqual(quota.acquire(for: .timeout), 10)
        XCTAssertEqual(quota.availableTokens, 480)
        quota.release(10)
        XCTAssertEqual(quota.availableTokens, 490)
        quota.release(100)
        XCTAssertEqual(quota.availableTokens, 500)
        let small = RetryQuota(capacity: 9)
        XCTAssertNil(small.acquire(for: .timeout))
        XCTAssertEqual(small.acquire(for: .transient), 5)
        XCTAssertEqual(small.availableTokens, 4)
    }

    func testSuccessWithoutRetryReturnsOneToken() async throws {
        let quota = RetryQuota()
        _ = quota.acquire(for: .timeout)
        let transport = ScriptedTransport([ScriptedTransport.response(200)])
        _ = try await sender(transport, strategy(quota: quota)).send(request, signingName: "sts")
        XCTAssertEqual(quota.availableTokens, 491)
    }

    func testTimeoutsAndResetsAreRetriedButRefusedConnectionsAreNot() async throws {
        let quota = RetryQuota()
        let transport = ScriptedTransport([
            .failure(AWSTransportError(kind: .timeout, host: "h")),
            .failure(AWSTransportError(kind: .connectionReset, host: "h")),
            ScriptedTransport.response(200),
        ])
        _ = try await sender(transport, strategy(quota: quota)).send(request, signingName: "sts")
        XCTAssertEqual(transport.sent.count, 3)
        // The timeout cost 10 and the reset 5; success refunds the last retry's 5.
        XCTAssertEqual(quota.availableTokens, 490)

        let refused = ScriptedTransport([.failure(AWSTransportError(kind: .connectionRefused, host: "h")), ScriptedTransport.response(200)])
        do {
            _ = try await sender(refused, strategy()).send(request, signingName: "sts")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual((error as? AWSTransportError)?.kind, .connectionRefused)
        }
        XCTAssertEqual(refused.sent.count, 1)
    }
}

func XCTAssertThrowsErrorAsync<T>(
    _ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line
) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {}
}

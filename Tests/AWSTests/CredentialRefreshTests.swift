import Foundation
import XCTest
@testable import AWS

/// Hands out numbered credentials valid for an hour, or fails when told to.
private actor CountingSource: CredentialsProvider {
    struct Failure: Error {}

    private let clock: ManualClock
    private(set) var fetches = 0
    var failing = false

    init(clock: ManualClock) {
        self.clock = clock
    }

    func setFailing(_ value: Bool) { failing = value }

    func credentials() async throws -> AWSCredentials {
        fetches += 1
        // Give concurrent callers the chance to arrive while this fetch is under way.
        await Task.yield()
        try await Task.sleep(nanoseconds: 20_000_000)
        if failing { throw Failure() }
        return AWSCredentials(accessKeyID: "ASIA\(fetches)", secretAccessKey: "s", sessionToken: "t",
                              expiration: clock.now.addingTimeInterval(3600))
    }
}

final class CredentialRefreshTests: XCTestCase {
    func testConcurrentCallersShareOneFetch() async throws {
        let clock = ManualClock()
        let source = CountingSource(clock: clock)
        let provider = RefreshingCredentialsProvider(source, now: clock.function)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.credentials().accessKeyID } }
            var all: [String] = []
            for try await key in group { all.append(key) }
            return all
        }
        XCTAssertEqual(Set(keys), ["ASIA1"])
        let fetches = await source.fetches
        XCTAssertEqual(fetches, 1)
    }

    func testRefreshHappensInsideTheMarginOnly() async throws {
        let clock = ManualClock()
        let source = CountingSource(clock: clock)
        let provider = RefreshingCredentialsProvider(source, refreshMargin: 300, now: clock.function)
        _ = try await provider.credentials()
        clock.advance(3600 - 301)
        let stillCached = try await provider.credentials()
        XCTAssertEqual(stillCached.accessKeyID, "ASIA1")
        clock.advance(2)
        let refreshed = try await provider.credentials()
        XCTAssertEqual(refreshed.accessKeyID, "ASIA2")
    }

    func testAFailedRefreshKeepsValidCredentialsAndFailsOnceTheyExpire() async throws {
        let clock = ManualClock()
        let source = CountingSource(clock: clock)
        let provider = RefreshingCredentialsProvider(source, now: clock.function)
        _ = try await provider.credentials()
        await source.setFailing(true)
        clock.advance(3600 - 120)
        let kept = try await provider.credentials()
        XCTAssertEqual(kept.accessKeyID, "ASIA1")
        clock.advance(121)
        do {
            _ = try await provider.credentials()
            XCTFail("expired credentials must not be used")
        } catch {
            XCTAssertTrue(error is CountingSource.Failure)
        }
        await source.setFailing(false)
        let recovered = try await provider.credentials()
        XCTAssertEqual(recovered.accessKeyID, "ASIA4")
    }

    func testCredentialsWithoutExpirationAreFetchedOnce() async throws {
        let provider = RefreshingCredentialsProvider(StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s")))
        let first = try await provider.credentials()
        let second = try await provider.credentials()
        XCTAssertEqual(first, second)
    }
}

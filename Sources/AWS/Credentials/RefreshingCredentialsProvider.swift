import Foundation

/// Caches temporary credentials and fetches new ones shortly before they
/// expire. One fetch runs at a time: callers that arrive meanwhile wait for it.
/// If a refresh fails while the cached credentials are still valid, those are
/// used, as the SDKs do, so a passing STS hiccup does not fail a request.
public actor RefreshingCredentialsProvider: CredentialsProvider {
    /// The Java SDK refreshes 5 minutes ahead; that leaves room for clock
    /// skew and for a request that is signed now and sent after retries.
    public static let defaultRefreshMargin: TimeInterval = 5 * 60

    private let source: any CredentialsProvider
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var refresh: Task<AWSCredentials, any Error>?

    public init(
        _ source: any CredentialsProvider,
        refreshMargin: TimeInterval = RefreshingCredentialsProvider.defaultRefreshMargin,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.source = source
        self.refreshMargin = refreshMargin
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !isDue(cached) { return cached }
        let task: Task<AWSCredentials, any Error>
        if let running = refresh {
            task = running
        } else {
            let source = self.source
            task = Task { try await source.credentials() }
            refresh = task
        }
        do {
            let fresh = try await task.value
            if refresh == task {
                cached = fresh
                refresh = nil
            }
            return fresh
        } catch {
            if refresh == task { refresh = nil }
            if let cached, let expiration = cached.expiration, expiration > now() { return cached }
            throw error
        }
    }

    private func isDue(_ credentials: AWSCredentials) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(now()) < refreshMargin
    }
}

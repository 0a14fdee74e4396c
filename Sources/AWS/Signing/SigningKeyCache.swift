import Synchronization

/// Derived SigV4 signing keys, kept per secret, day, region and service so that
/// the four HMAC rounds run once a day rather than on every request.
final class SigningKeyCache: Sendable {
    struct Scope: Hashable, Sendable {
        var secretAccessKey: String
        var dateStamp: String
        var region: String
        var service: String
    }

    /// Shared by every signer in the process, as the SDKs share theirs.
    static let shared = SigningKeyCache()

    /// Enough for many profiles, regions and services; old days fall out when it fills.
    private let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var keys: [Scope: [UInt8]] = [:]
        var derivations = 0
    }

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// How many keys were derived rather than found; tests use it to see the cache work.
    var derivationCount: Int {
        state.withLock { $0.derivations }
    }

    func signingKey(for scope: Scope) -> [UInt8] {
        if let key = state.withLock({ $0.keys[scope] }) { return key }
        let key = Self.derive(scope)
        state.withLock { state in
            if state.keys.count >= capacity { state.keys.removeAll(keepingCapacity: true) }
            state.keys[scope] = key
            state.derivations += 1
        }
        return key
    }

    static func derive(_ scope: Scope) -> [UInt8] {
        let dateKey = HMACSHA256.authenticate(scope.dateStamp, key: Array(("AWS4" + scope.secretAccessKey).utf8))
        let regionKey = HMACSHA256.authenticate(scope.region, key: dateKey)
        let serviceKey = HMACSHA256.authenticate(scope.service, key: regionKey)
        return HMACSHA256.authenticate("aws4_request", key: serviceKey)
    }
}

import JSON

/// A waiter from botocore's `waiters-2.json`: which operation to poll, how
/// often, and the acceptors that decide success, failure or another try.
public struct WaiterModel: Sendable, Equatable {
    public struct Acceptor: Sendable, Equatable {
        public enum State: String, Sendable { case success, failure, retry }
        public enum Matcher: String, Sendable { case path, pathAll, pathAny, status, error }

        public var state: State
        public var matcher: Matcher
        public var argument: String?
        public var expected: JSON
    }

    public var name: String
    public var operation: String
    public var delay: Int
    public var maxAttempts: Int
    public var acceptors: [Acceptor]

    init(name: String, json: JSON) throws(ServiceModelError) {
        guard let operation = json["operation"]?.stringValue else {
            throw ServiceModelError(message: "waiter \(name) names no operation")
        }
        self.name = name
        self.operation = operation
        delay = json["delay"]?.intValue ?? 15
        maxAttempts = json["maxAttempts"]?.intValue ?? 40
        var acceptors: [Acceptor] = []
        for acceptor in json["acceptors"]?.arrayValue ?? [] {
            guard let state = acceptor["state"]?.stringValue.flatMap(Acceptor.State.init(rawValue:)),
                let matcher = acceptor["matcher"]?.stringValue.flatMap(Acceptor.Matcher.init(rawValue:))
            else {
                throw ServiceModelError(message: "waiter \(name) has an acceptor it cannot read")
            }
            acceptors.append(
                Acceptor(
                    state: state, matcher: matcher, argument: acceptor["argument"]?.stringValue,
                    expected: acceptor["expected"] ?? .null))
        }
        self.acceptors = acceptors
    }
}

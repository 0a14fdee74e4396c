/// How long the libcurl transport waits, and how many transfers it runs at
/// once. The defaults suit AWS control-plane calls: connecting takes well under
/// a second when the network works, and no course operation streams data.
public struct CurlTransportOptions: Sendable, Equatable {
    /// Time allowed to resolve the host and establish the connection (and TLS).
    public var connectTimeout: Duration
    /// Time allowed for the whole exchange, connecting included.
    public var totalTimeout: Duration
    /// Transfers beyond this many wait for a free worker thread; each worker
    /// keeps its connections open for the next call.
    public var maximumConcurrentTransfers: Int

    public init(
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(60),
        maximumConcurrentTransfers: Int = 8
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maximumConcurrentTransfers = max(1, maximumConcurrentTransfers)
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a tiny timeout never becomes
    /// libcurl's 0, which means "no timeout at all".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(seconds) * 1000 + Int(fraction))
    }
}

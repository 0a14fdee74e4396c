import Foundation

/// Time per operation: the batch size is doubled until a batch lasts at
/// least `minimumBatch`, then the median of `samples` such batches is taken,
/// which shrugs off the odd descheduling on a shared machine.
struct OperationTimer {
    var minimumBatch: Duration = .milliseconds(50)
    var samples = 7

    /// Nanoseconds per call of `operation`.
    func measure(_ operation: () throws -> Int) rethrows -> (nanoseconds: Double, checksum: Int) {
        var checksum = 0
        var batch = 1
        while true {
            let (elapsed, sum) = try time(batch, operation)
            checksum &+= sum
            if elapsed >= minimumBatch || batch >= 1 << 30 { break }
            batch *= 2
        }
        var perOperation: [Double] = []
        for _ in 0..<samples {
            let (elapsed, sum) = try time(batch, operation)
            checksum &+= sum
            perOperation.append(OperationTimer.nanoseconds(elapsed) / Double(batch))
        }
        perOperation.sort()
        return (perOperation[perOperation.count / 2], checksum)
    }

    private func time(_ count: Int, _ operation: () throws -> Int) rethrows -> (Duration, Int) {
        let clock = ContinuousClock()
        var checksum = 0
        let start = clock.now
        for _ in 0..<count {
            checksum &+= try operation()
        }
        return (clock.now - start, checksum)
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }
}

import Dispatch
import Foundation
import Synchronization

/// Threads that run blocking libcurl transfers, so that `curl_easy_perform`
/// never occupies a thread of Swift's cooperative pool. Each thread owns one
/// easy handle for its whole life, and with it a cache of open connections:
/// the handle never crosses threads, and calls reuse connections.
/// Threads start on demand, up to `maximumWorkers`, and stop in `shutDown`.
final class CurlWorkerPool: Sendable {
    private struct State {
        var jobs: [CurlJob] = []
        var workers = 0
        var idle = 0
        var stopping = false
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let options: CurlTransportOptions
    private let connectionsOpened = Atomic<Int>(0)

    init(options: CurlTransportOptions) {
        self.options = options
    }

    /// How many connections libcurl has opened so far; tests compare it with
    /// the number of calls to see connections being reused.
    var openedConnectionCount: Int { connectionsOpened.load(ordering: .relaxed) }

    func submit(_ job: CurlJob) {
        let (accepted, startWorker) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopping else { return (false, false) }
            state.jobs.append(job)
            guard state.idle < state.jobs.count, state.workers < options.maximumConcurrentTransfers else {
                return (true, false)
            }
            // Counted idle from now on, so the next job does not start another thread.
            state.workers += 1
            state.idle += 1
            return (true, true)
        }
        guard accepted else {
            job.continuation.resume(throwing: CancellationError())
            return
        }
        if startWorker {
            let thread = Thread { [self] in runWorker() }
            thread.name = "ecslab.curl"
            thread.start()
        }
        wakeUp.signal()
    }

    /// Lets every thread finish the job it has and exit; queued jobs still run.
    func shutDown() {
        let workers = state.withLock { state -> Int in
            state.stopping = true
            return state.workers
        }
        for _ in 0..<workers { wakeUp.signal() }
    }

    private func runWorker() {
        let handle = CurlEasyHandle()
        while let job = nextJob() {
            let result: Result<HTTPResponse, any Error>
            if let handle {
                let outcome = CurlTransfer(request: job.request, options: options, cancellation: job.cancellation).run(on: handle)
                connectionsOpened.add(outcome.connectionsOpened, ordering: .relaxed)
                result = outcome.result
            } else {
                result = .failure(AWSTransportError(
                    kind: .other, host: job.request.authority, detail: "libcurl could not be initialized"
                ))
            }
            // Idle again before the caller resumes: its next call then finds
            // this thread, and its open connection, instead of starting another.
            state.withLock { $0.idle += 1 }
            job.continuation.resume(with: result)
        }
    }

    /// Blocks until there is a job, or returns nil when the pool stops.
    /// The calling thread counts as idle while it waits.
    private func nextJob() -> CurlJob? {
        while true {
            wakeUp.wait()
            let next = state.withLock { state -> (job: CurlJob?, exit: Bool) in
                if !state.jobs.isEmpty {
                    state.idle -= 1
                    return (state.jobs.removeFirst(), false)
                }
                if state.stopping {
                    state.idle -= 1
                    state.workers -= 1
                    return (nil, true)
                }
                return (nil, false)
            }
            if let job = next.job { return job }
            if next.exit { return nil }
        }
    }
}

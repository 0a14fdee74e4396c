import Foundation

/// Turns signals into calls: Ctrl-C (SIGINT) interrupts the running
/// command and never ends the tutor; SIGTERM and SIGHUP call `terminate`,
/// which tears down what costs money before leaving.
///
/// A signal handler may do almost nothing, so it writes the signal's number
/// into a pipe and a thread of our own acts on it (the self-pipe trick).
/// Dispatch's signal sources were not used: on Linux they only see signals
/// that reach the thread that created them.
public final class SignalWatcher: Sendable {
    public init(interruption: Interruption, terminate: @escaping @Sendable (String) -> Void) {
        let pipe = signalPipe
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(pipe.readEnd, &byte, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { return }
                switch Int32(byte) {
                case SIGINT: interruption.interrupt()
                case SIGTERM: terminate("SIGTERM")
                case SIGHUP: terminate("SIGHUP")
                default: continue
                }
            }
        }
        thread.name = "ecslab signals"
        thread.start()
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, forwardSignal)
        }
    }
}

/// The pipe between the signal handler and the watcher's thread.
final class SignalPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        readEnd = ends[0]
        writeEnd = ends[1]
    }
}

/// Made before any handler is installed, so the handler only reads it.
let signalPipe = SignalPipe()

private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipe.writeEnd, &byte, 1)
}

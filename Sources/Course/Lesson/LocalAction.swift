/// Something the tutor does on the learner's own machine rather than in AWS:
/// lay out the app from the lesson's template, or start it.
public enum LocalAction: Sendable {
    /// Copies the lesson's folder `from` to `to`, never overwriting a file the
    /// learner already has.
    case copy(from: String, to: Template)
    /// Starts a long-running program (the app) in `directory`, with `environment`
    /// added, and waits until it accepts connections on `port`. The ledger
    /// keeps it, so cleanup stops it.
    /// `prepare` (e.g. `npm install`) runs first when given; if it fails (no
    /// network), the start goes on and says so.
    case start(command: [String], prepare: [String], directory: Template, environment: [String: Template], port: Template)
}

/// What went wrong while setting a cleanup test up, in words: a server that
/// did not start, a builder that failed, an answer that could not be read.
struct CleanupFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

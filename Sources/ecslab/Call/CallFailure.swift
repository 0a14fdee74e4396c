/// A user mistake found by the command itself, with its exit status.
struct CallFailure: Error {
    var message: String
    var status: Int32
}

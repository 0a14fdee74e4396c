/// An error a learner can meet while a lesson runs, which can say what went
/// wrong in their language.
public protocol LocalizedFailure: Error {
    var localizedMessage: LocalizedText { get }
}

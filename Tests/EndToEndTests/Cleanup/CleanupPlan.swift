import Foundation

/// Reading what `ecslab cleanup` prints about each resource it deletes.
/// The plan marks every resource with why it is ours: in the ledger, or
/// found by its tags. This is the one place that knows how that looks in
/// English, so that a change of wording is a change here alone.
enum CleanupPlan {
    /// The lines naming a resource that was found by its tags: the word
    /// "tags" on a line that also names a resource (an ARN, an AWS id such
    /// as vpc-0abc12345, or a course name, `ecslab-…` or `/ecs/…`). The
    /// closing "Confirmed: nothing carrying the course tags is left." names
    /// none, so it does not count.
    static func foundByTags(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { line in
            line.range(of: #"\btags\b"#, options: [.regularExpression, .caseInsensitive]) != nil
                && line.range(of: #"arn:aws|\b[a-z]+-[0-9a-f]{8,17}\b|ecslab-|/ecs/"#, options: .regularExpression) != nil
        }
    }
}

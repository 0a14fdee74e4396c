import AWS
import JSON

/// Makes one changing call so that an answer lost on the way back neither
/// makes a second of what the call made nor stops the step.
///
/// A call that a repeat could do twice, and that `LostAnswerSearch` can
/// find the work of, is not retried blindly after an attempt of unknown
/// outcome (a server error, a reset, a timeout, a cut-off answer): the
/// account is searched for what that attempt made, by the call's entry tag,
/// and only when nothing is there is the call made again. Any other call is
/// retried as the SDKs retry; if the repeat is then refused in the words
/// AWS uses for "that is already so", the earlier attempt did it.
struct ChangeCall: Sendable {
    struct Answer: Sendable {
        var response: JSON
        /// The answer was lost and the result was found in the account instead.
        var recovered: Bool
    }

    var api: any AccountAPI
    /// The pause before looking, after the `n`th call of unknown outcome;
    /// what AWS just made can take a moment to show in its reads.
    var pause: @Sendable (_ n: Int) async throws -> Void = { try await Task.sleep(for: .milliseconds(250 * $0)) }

    /// Calls at most, as the SDKs' standard attempts.
    static let maximumCalls = 3

    /// - Parameters:
    ///   - entry: the value of the entry tag the call puts on what it makes,
    ///     when it tags it as it makes it; nil otherwise.
    ///   - idempotent: the input carries an idempotency token, so a repeat is
    ///     safe and AWS gives back the first attempt's answer.
    func send(_ operation: OperationName, input: JSON, entry: String?, idempotent: Bool) async throws -> Answer {
        let search = idempotent ? nil : LostAnswerSearch.forCall(operation).flatMap { entry != nil || !$0.needsEntryTag ? $0 : nil }
        let record = AttemptRecord(retriesUnknownOutcomes: search == nil)
        var calls = 0
        while true {
            calls += 1
            do {
                let response = try await AttemptRecord.$current.withValue(record) {
                    try await api.call(operation, input: input)
                }
                return Answer(response: response, recovered: false)
            } catch {
                // The record counts the attempts the AWS layer retried; the
                // error itself tells of the last.
                guard record.unknownOutcomes > 0 || RetryableErrorClassifier.outcomeIsUnknown(error) else { throw error }
                if let search {
                    try await pause(calls)
                    if let made = try await search.find(api, input, entry ?? "") { return Answer(response: made, recovered: true) }
                    guard calls < Self.maximumCalls, RetryableErrorClassifier.outcomeIsUnknown(error) else { throw error }
                } else if let code = api.errorCode(of: error), Self.refusedAsDone(operation).contains(code) {
                    return Answer(response: .object(JSONObject()), recovered: true)
                } else {
                    throw error
                }
            }
        }
    }

    /// What AWS answers a repeat of a call whose earlier attempt did it.
    static func refusedAsDone(_ operation: OperationName) -> Set<String> {
        switch (operation.service, operation.operation) {
        case ("ec2", "AttachInternetGateway"): ["Resource.AlreadyAssociated"]
        case ("ec2", "AuthorizeSecurityGroupIngress"), ("ec2", "AuthorizeSecurityGroupEgress"): ["InvalidPermission.Duplicate"]
        case ("ec2", "CreateRoute"): ["RouteAlreadyExists"]
        case ("iam", "AddRoleToInstanceProfile"): ["LimitExceeded"]
        default: []
        }
    }
}

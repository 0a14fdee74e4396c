/// Who the credentials belong to, as STS GetCallerIdentity reports it.
public struct CallerIdentity: Sendable, Equatable {
    public var account: String
    public var arn: String
    public var userID: String

    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}

import Foundation

/// The two STS calls that credentials need before the model-driven client
/// exists: AssumeRole and GetCallerIdentity, in STS's `query` protocol
/// (a form-encoded POST, an XML answer).
public struct STSClient: Sendable {
    public static let apiVersion = "2011-06-15"

    public var sender: AWSRequestSender
    public var endpoint: Endpoint

    public init(sender: AWSRequestSender, endpoint: Endpoint) {
        self.sender = sender
        self.endpoint = endpoint
    }

    /// `https://sts.<region>.amazonaws.com`, the regional endpoint the SDKs
    /// use by default (`.com.cn` in the China regions).
    public static func regionalEndpoint(for region: String) -> Endpoint {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return Endpoint(scheme: "https", host: "sts.\(region).\(suffix)")
    }

    public func getCallerIdentity() async throws -> CallerIdentity {
        let result = try await call("GetCallerIdentity", [])
        guard let account = result.text(at: "Account"), let arn = result.text(at: "Arn") else {
            throw MalformedResponseError(operation: "sts:GetCallerIdentity", problem: "it has no Account or Arn")
        }
        return CallerIdentity(account: account, arn: arn, userID: result.text(at: "UserId") ?? "")
    }

    public func assumeRole(_ request: AssumeRoleRequest) async throws -> AWSCredentials {
        var parameters = [("RoleArn", request.roleARN), ("RoleSessionName", request.roleSessionName)]
        if let externalID = request.externalID { parameters.append(("ExternalId", externalID)) }
        if let duration = request.durationSeconds { parameters.append(("DurationSeconds", String(duration))) }
        let result = try await call("AssumeRole", parameters)
        guard let credentials = result.child("Credentials"),
              let accessKeyID = credentials.text(at: "AccessKeyId"), !accessKeyID.isEmpty,
              let secret = credentials.text(at: "SecretAccessKey"), !secret.isEmpty,
              let token = credentials.text(at: "SessionToken"), !token.isEmpty
        else {
            throw MalformedResponseError(operation: "sts:AssumeRole", problem: "it has no complete Credentials")
        }
        var expiration: Date?
        if let text = credentials.text(at: "Expiration") {
            guard let date = Self.parseTimestamp(text) else {
                throw MalformedResponseError(operation: "sts:AssumeRole", problem: "its Expiration \"\(text)\" is not a timestamp")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }

    /// Sends `Action=<action>&Version=2011-06-15&...` and returns the
    /// `<ActionResult>` element of the answer.
    private func call(_ action: String, _ parameters: [(String, String)]) async throws -> XMLElement {
        let body = FormURLEncoding.encode([("Action", action), ("Version", Self.apiVersion)] + parameters)
        let request = endpoint.request(
            method: "POST",
            headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]),
            body: Array(body.utf8)
        )
        let response = try await sender.send(request, signingName: "sts")
        let operation = "sts:\(action)"
        let root: XMLElement
        do {
            root = try XMLElement(parsing: response.body)
        } catch {
            throw MalformedResponseError(operation: operation, problem: "it is not well-formed XML (\(error))")
        }
        guard root.localName == "\(action)Response", let result = root.child("\(action)Result") else {
            throw MalformedResponseError(operation: operation, problem: "it has no \(action)Result")
        }
        return result
    }

    /// ISO 8601 as STS writes it, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(trimmed, strategy: fractional)
    }
}

import Foundation
import JSON

/// Runs a profile's `credential_process` and reads the JSON it prints
/// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html):
/// `{"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...}`.
public struct ProcessCredentialsProvider: CredentialsProvider, CustomStringConvertible, CustomReflectable {
    public let command: String
    public let profileName: String
    let environment: [String: String]
    let now: @Sendable () -> Date

    public init(command: String, profileName: String, environment: [String: String], now: @escaping @Sendable () -> Date = { Date() }) {
        self.command = command
        self.profileName = profileName
        self.environment = environment
        self.now = now
    }

    public var description: String { "ProcessCredentialsProvider(profile: \(profileName))" }

    public var customMirror: Mirror {
        Mirror(self, children: ["command": command, "profileName": profileName, "environment": SecretSetting.redactingEnvironment(environment)])
    }

    public func credentials() async throws -> AWSCredentials {
        let outcome: ExternalCommand.Outcome
        do {
            outcome = try await ExternalCommand(command: command, environment: environment).run()
        } catch {
            throw CredentialsError.processNotStarted(profile: profileName, reason: "/bin/sh could not be run")
        }
        switch outcome.termination {
        case .exited(0): break
        case .exited(let status): throw CredentialsError.processFailed(profile: profileName, status: status)
        case .signalled(let signal): throw CredentialsError.processKilled(profile: profileName, signal: signal)
        }
        let credentials = try Self.parse(outcome.output, profileName: profileName)
        if let expiration = credentials.expiration, expiration <= now() {
            throw CredentialsError.processCredentialsExpired(profile: profileName, at: expiration)
        }
        return credentials
    }

    /// Problems are described by field name and position only: the output holds secrets.
    static func parse(_ output: [UInt8], profileName: String) throws -> AWSCredentials {
        func invalid(_ problem: String) -> CredentialsError {
            .processOutputInvalid(profile: profileName, problem: problem)
        }
        let json: JSON
        do {
            json = try JSON(parsing: output)
        } catch {
            throw invalid("it is not JSON (line \(error.line), column \(error.column))")
        }
        guard json.objectValue != nil else { throw invalid("it is not a JSON object") }
        guard let version = json["Version"] else { throw invalid("Version is missing") }
        guard version.intValue == 1 else { throw invalid("Version must be 1") }
        guard let accessKeyID = json["AccessKeyId"]?.stringValue, !accessKeyID.isEmpty else {
            throw invalid("AccessKeyId is missing or not a string")
        }
        guard let secret = json["SecretAccessKey"]?.stringValue, !secret.isEmpty else {
            throw invalid("SecretAccessKey is missing or not a string")
        }
        var token: String?
        if let field = json["SessionToken"], !field.isNull {
            guard let value = field.stringValue else { throw invalid("SessionToken is not a string") }
            token = value.isEmpty ? nil : value
        }
        var expiration: Date?
        if let field = json["Expiration"], !field.isNull {
            guard let text = field.stringValue, let date = Self.date(fromISO8601: text) else {
                throw invalid("Expiration is not an ISO 8601 time such as 2025-01-31T12:00:00Z")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }

    static func date(fromISO8601 text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

import AWS
import Foundation
import JSON
import TestSupport
import XCTest

/// An AWS account of a test's own on the plain moto server: STS AssumeRole
/// into a new random 12-digit id gives an access key id that moto ties to
/// that account. The plain server checks no signature, so the secret and
/// the session token sent with the key may be anything a test chooses.
struct FreshMotoAccount: Sendable {
    let account: String
    let accessKeyID: String

    static func make(on url: String) async throws -> FreshMotoAccount {
        let account = "3" + String(format: "%011lld", Int64.random(in: 0..<100_000_000_000))
        let answer = try await MotoClient.client(url).call(
            service: "sts", operation: "AssumeRole",
            input: ["RoleArn": .string("arn:aws:iam::\(account):role/ecslab-learner"), "RoleSessionName": "ecslab-test"])
        let key = try XCTUnwrap(answer["Credentials"]?["AccessKeyId"]?.stringValue, "moto's AssumeRole answer: \(answer)")
        return FreshMotoAccount(account: account, accessKeyID: key)
    }
}

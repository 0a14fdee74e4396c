import AWS
import Foundation
import TestSupport
import XCTest

/// Against the moto server that verifies SigV4 signatures and IAM policies
/// once its free calls are spent. In moto every action request to the
/// server counts (`ActionAuthenticatorMixin.request_count`, checked against
/// `INITIAL_NO_AUTH_ACTION_COUNT` in moto/core/authorization.py); calls to
/// `/moto-api/` do not. The test first resets that counter through
/// `/moto-api/reset-auth`, so it does not depend on what ran before, then
/// spends exactly the free calls creating a user, its key and its policy.
final class SignatureVerificationTests: XCTestCase {
    func testRequestsSignedWithACreatedKeySucceedAndAWrongSecretIsRefused() async throws {
        let url = try TestEnvironment.motoAuthURL()
        let freeCalls = TestEnvironment.motoAuthFreeCalls
        XCTAssertEqual(freeCalls, 4, "the test spends exactly four free calls")
        let endpoint = try Endpoint(parsing: url)
        let transport = CurlTransport()

        let reset = try await transport.send(endpoint.request(method: "POST", path: "/moto-api/reset-auth", body: Array("\(freeCalls)".utf8)))
        XCTAssertEqual(reset.status, 200, reset.bodyText)

        // The four free calls: moto checks neither signature nor policy.
        let anyone = IAMQuery(transport: transport, endpoint: endpoint, credentials: FixedCredentials("AKIAFREECALLS", "unchecked"))
        let userName = "ecslab-signer-\(UUID().uuidString.prefix(8))"
        _ = try await anyone.call("CreateUser", [("UserName", userName)])
        let key = try await anyone.call("CreateAccessKey", [("UserName", userName)])
        let accessKeyID = try XCTUnwrap(key.text(at: "AccessKey", "AccessKeyId"))
        let secret = try XCTUnwrap(key.text(at: "AccessKey", "SecretAccessKey"))
        let policyDocument = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetCallerIdentity","iam:GetUser"],"Resource":"*"}]}"#
        let policy = try await anyone.call("CreatePolicy", [("PolicyName", "\(userName)-policy"), ("PolicyDocument", policyDocument)])
        let policyARN = try XCTUnwrap(policy.text(at: "Policy", "Arn"))
        _ = try await anyone.call("AttachUserPolicy", [("UserName", userName), ("PolicyArn", policyARN)])

        // Signed with the new key: accepted, and the policy applies.
        let signed = FixedCredentials(accessKeyID, secret)
        let identity = try await sts(transport, endpoint, signed).getCallerIdentity()
        XCTAssertEqual(identity.account, "123456789012")
        XCTAssertEqual(identity.arn, "arn:aws:iam::123456789012:user/\(userName)")
        let user = try await IAMQuery(transport: transport, endpoint: endpoint, credentials: signed).call("GetUser", [("UserName", userName)])
        XCTAssertEqual(user.text(at: "User", "UserName"), userName)

        // The policy allows nothing else.
        do {
            _ = try await IAMQuery(transport: transport, endpoint: endpoint, credentials: signed).call("ListUsers", [])
            XCTFail("ListUsers should be denied")
        } catch let error as AWSServiceError {
            XCTAssertEqual(error.code, "AccessDenied")
            XCTAssertEqual(error.statusCode, 403)
            XCTAssertEqual(error.message, "User: arn:aws:iam::123456789012:user/\(userName) is not authorized to perform: iam:ListUsers")
        }

        // The same request signed with a wrong secret is refused.
        do {
            _ = try await sts(transport, endpoint, FixedCredentials(accessKeyID, secret + "x")).getCallerIdentity()
            XCTFail("a wrong secret should be refused")
        } catch let error as AWSServiceError {
            XCTAssertEqual(error, AWSServiceError(
                code: "SignatureDoesNotMatch",
                message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                requestID: error.requestID, statusCode: 403, type: "Sender"
            ))
        }

        // And a key moto never issued is unknown.
        do {
            _ = try await sts(transport, endpoint, FixedCredentials("AKIANEVERISSUED00000", secret)).getCallerIdentity()
            XCTFail("an unknown key should be refused")
        } catch let error as AWSServiceError {
            XCTAssertEqual(error.code, "InvalidClientTokenId")
            XCTAssertEqual(error.statusCode, 403)
        }
    }

    private func sts(_ transport: CurlTransport, _ endpoint: Endpoint, _ credentials: FixedCredentials) -> STSClient {
        STSClient(
            sender: AWSRequestSender(transport: transport, credentials: credentials, region: "us-east-1"),
            endpoint: endpoint
        )
    }
}

/// Just enough of IAM's `query` protocol to set up a user; the model-driven
/// client replaces this in the next issue.
struct IAMQuery {
    let transport: CurlTransport
    let endpoint: Endpoint
    let credentials: FixedCredentials

    func call(_ action: String, _ parameters: [(String, String)]) async throws -> XMLElement {
        let pairs = [("Action", action), ("Version", "2010-05-08")] + parameters
        let body = pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let request = endpoint.request(
            method: "POST", headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]),
            body: Array(body.utf8)
        )
        let sender = AWSRequestSender(transport: transport, credentials: credentials, region: "us-east-1")
        let response = try await sender.send(request, signingName: "iam")
        let root = try XMLElement(parsing: response.body)
        XCTAssertEqual(root.name, "\(action)Response")
        // Actions that return nothing (AttachUserPolicy) have no Result element.
        return root.child("\(action)Result") ?? root
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

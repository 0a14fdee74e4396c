@testable import AWS
import Synchronization
import XCTest

final class RedactionTests: XCTestCase {
    func testRedactsSigningHeadersOnly() {
        XCTAssertEqual(SecretRedactor.redactHeader(name: "Authorization", value: "AWS4-HMAC-SHA256 Credential=AKID/..."), "<redacted>")
        XCTAssertEqual(SecretRedactor.redactHeader(name: "x-amz-security-token", value: "FQoG..."), "<redacted>")
        XCTAssertEqual(SecretRedactor.redactHeader(name: "X-Amz-Date", value: "20240101T000000Z"), "20240101T000000Z")
        XCTAssertEqual(SecretRedactor.redactHeader(name: "Content-Type", value: "application/json"), "application/json")
    }

    func testRedactsSTSAssumeRoleCredentialsInXML() {
        let body = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>\
        <AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG</SecretAccessKey>\
        <SessionToken>FQoGZXIvYXdzEBYaD+/=</SessionToken><Expiration>2026-01-01T00:00:00Z</Expiration>\
        </Credentials></AssumeRoleResult></AssumeRoleResponse>
        """
        let expected = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>\
        <AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey><redacted></SecretAccessKey>\
        <SessionToken><redacted></SessionToken><Expiration>2026-01-01T00:00:00Z</Expiration>\
        </Credentials></AssumeRoleResult></AssumeRoleResponse>
        """
        XCTAssertEqual(redacted(body), expected)
    }

    func testRedactsIAMCreateAccessKeyWithNamespacedAndSpacedTags() {
        let body = """
        <CreateAccessKeyResponse>
          <CreateAccessKeyResult>
            <AccessKey>
              <UserName>alice</UserName>
              <iam:SecretAccessKey xmlns:iam="urn:x" >abc/def
        ghi</iam:SecretAccessKey>
              <Status>Active</Status>
            </AccessKey>
          </CreateAccessKeyResult>
        </CreateAccessKeyResponse>
        """
        XCTAssertEqual(redacted(body), body.replacingOccurrences(of: "abc/def\nghi", with: "<redacted>"))
    }

    func testRedactsJSONSecretsWhateverTheirCaseOrEscapes() {
        let body = #"""
        {"authorizationData":[{"authorizationToken":"QVdTOnNlY3JldA==","proxyEndpoint":"https://1.dkr.ecr"}],
         "Credentials": {"AccessKeyId": "ASIA", "SecretAccessKey" : "a\"b\\c", "SessionToken":"t"},
         "note": "SessionToken", "Password": null, "keyMaterial": "-----BEGIN RSA PRIVATE KEY-----\nMII"}
        """#
        let expected = #"""
        {"authorizationData":[{"authorizationToken":"<redacted>","proxyEndpoint":"https://1.dkr.ecr"}],
         "Credentials": {"AccessKeyId": "ASIA", "SecretAccessKey" : "<redacted>", "SessionToken":"<redacted>"},
         "note": "SessionToken", "Password": null, "keyMaterial": "<redacted>"}
        """#
        XCTAssertEqual(redacted(body), expected)
    }

    func testRedactsFormBodiesAndQueryStrings() {
        XCTAssertEqual(
            redacted("Action=CreateLoginProfile&UserName=bob&Password=hunter2&PasswordResetRequired=true"),
            "Action=CreateLoginProfile&UserName=bob&Password=<redacted>&PasswordResetRequired=true"
        )
        let request = HTTPRequest(
            method: "GET", host: "bucket.s3.amazonaws.com", path: "/key",
            query: "X-Amz-Credential=AKID%2F20240101&X-Amz-Security-Token=FQo%2B&X-Amz-Signature=abcd"
        )
        XCTAssertEqual(
            DebugLog.redactedURL(request),
            "https://bucket.s3.amazonaws.com/key?X-Amz-Credential=AKID%2F20240101&X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>"
        )
    }

    func testFieldsNamedLikeKeysTokensAndPasswordsAreSecretButPagingTokensAreNot() {
        for name in ["AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "SecretAccessKey", "SessionToken", "Password", "AuthorizationToken",
                     "apiKey", "GITHUB_TOKEN", "ClientSecret", "iam:SecretAccessKey", "AccessKey.SecretAccessKey", "x-amz-security-token"] {
            XCTAssertTrue(SecretRedactor.isSecretField(name), name)
        }
        for name in ["PORT", "AccessKeyId", "KeyName", "Key", "PublicKeyMaterial", "NextToken", "nextForwardToken", "ClientToken",
                     "ClientRequestToken", "PaginationToken", "sequenceToken", "HttpTokens", "PasswordResetRequired", "secrets", "AccessKey"] {
            XCTAssertFalse(SecretRedactor.isSecretField(name), name)
        }
        XCTAssertEqual(
            redacted(#"{"apiKey":"k1","DB_PASSWORD":"p1","NextToken":"page-2"}"#),
            #"{"apiKey":"<redacted>","DB_PASSWORD":"<redacted>","NextToken":"page-2"}"#)
    }

    func testCutBodyStillLosesItsSecret() {
        XCTAssertEqual(redacted("<r><SessionToken>abcdef"), "<r><SessionToken><redacted>")
        XCTAssertEqual(redacted(#"{"SessionToken":"abc"#), #"{"SessionToken":"<redacted>""#)
    }

    func testDebugLogPrintsRequestAndResponseWithSecretsRedacted() {
        let lines = Lines()
        let log = DebugLog(bodyLimit: 64) { lines.append($0) }
        let request = HTTPRequest(
            method: "POST", scheme: "http", host: "127.0.0.1", port: 5000, path: "/",
            headers: HTTPHeaders([
                ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                ("X-Amz-Security-Token", "FQoGsecret"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=ASIA/20240101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0f"),
            ]),
            body: Array("Action=AssumeRole&Version=2011-06-15".utf8)
        )
        log.request(request, attempt: 1)
        let body = "<AssumeRoleResponse><Credentials><SecretAccessKey>s3cr3t</SecretAccessKey></Credentials>" + String(repeating: "x", count: 40)
        log.response(HTTPResponse(status: 200, headers: HTTPHeaders([("x-amzn-RequestId", "r1")]), body: Array(body.utf8)), for: request, attempt: 1)
        log.response(HTTPResponse(status: 500, body: [0xFF, 0x00, 0x01]), for: request, attempt: 2)
        log.retry(after: AWSServiceError(code: "Throttling", message: "slow down", statusCode: 400), nextAttempt: 2, delay: .milliseconds(1500))

        XCTAssertEqual(lines.text, """
        debug: > POST http://127.0.0.1:5000/ (attempt 1)
        debug: > Content-Type: application/x-www-form-urlencoded; charset=utf-8
        debug: > X-Amz-Security-Token: <redacted>
        debug: > Authorization: <redacted>
        debug: >
        debug: > Action=AssumeRole&Version=2011-06-15
        debug: < 200 from POST http://127.0.0.1:5000/ (attempt 1)
        debug: < x-amzn-RequestId: r1
        debug: <
        debug: < <AssumeRoleResponse><Credentials><SecretAccessKey><redacted></Se
        debug: < [68 more bytes not shown]
        debug: < 500 from POST http://127.0.0.1:5000/ (attempt 2)
        debug: < [3 bytes of binary data]
        debug: ~ retrying as attempt 2 in 1500 ms after: Throttling (HTTP 400)

        """)
        XCTAssertFalse(lines.text.contains("s3cr3t"))
        XCTAssertFalse(lines.text.contains("FQoGsecret"))
        XCTAssertFalse(lines.text.contains("Signature=0f"))
    }

    private func redacted(_ text: String) -> String {
        String(decoding: SecretRedactor.redactBody(Array(text.utf8)), as: UTF8.self)
    }
}

/// Collects what a `DebugLog` writes.
final class Lines: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ text: String) {
        storage.withLock { $0.append(text) }
    }

    var text: String { storage.withLock { $0.joined() } }
}

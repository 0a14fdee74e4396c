import Foundation
import XCTest
@testable import AWS

final class SigV4SignerTests: XCTestCase {
    private let keys = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    private let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    func testSHA256AndHMACMatchPublishedVectors() {
        XCTAssertEqual(SHA256.hash("").lowercaseHex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hash("abc").lowercaseHex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // RFC 4231, test case 2.
        XCTAssertEqual(
            HMACSHA256.authenticate("what do ya want for nothing?", key: Array("Jefe".utf8)).lowercaseHex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        )
    }

    func testSigningKeyMatchesTheAWSDocumentationExample() {
        let key = SigningKeyCache.derive(.init(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", dateStamp: "20120215", region: "us-east-1", service: "iam"
        ))
        XCTAssertEqual(key.lowercaseHex, "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    func testTimestampIsUTCWhateverTheTime() {
        let stamp = SigV4Timestamp(Date(timeIntervalSince1970: 1_704_067_199))  // 2023-12-31T23:59:59Z
        XCTAssertEqual(stamp.amzDate, "20231231T235959Z")
        XCTAssertEqual(stamp.dateStamp, "20231231")
    }

    func testSigningKeysAreCachedPerSecretDayRegionAndService() {
        let cache = SigningKeyCache()
        func sign(region: String = "us-east-1", service: String = "ecs", date: Date, secret: String = "secret-one") {
            var request = HTTPRequest(method: "POST", host: "ecs.\(region).amazonaws.com")
            let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: secret)
            SigV4Signer(region: region, service: service, normalizePath: true, signBody: false, signsSessionToken: true, keyCache: cache)
                .sign(&request, credentials: credentials, date: date)
        }
        sign(date: date)
        sign(date: date.addingTimeInterval(3600))
        XCTAssertEqual(cache.derivationCount, 1, "the same day, region and service reuse the key")
        sign(date: date.addingTimeInterval(86_400))
        XCTAssertEqual(cache.derivationCount, 2, "a new day derives a new key")
        sign(region: "ap-northeast-1", date: date)
        sign(service: "ec2", date: date)
        sign(date: date, secret: "secret-two")
        XCTAssertEqual(cache.derivationCount, 5)
        sign(region: "ap-northeast-1", date: date)
        XCTAssertEqual(cache.derivationCount, 5)
    }

    func testConcurrentSigningGivesTheSameSignatureEverywhere() async {
        let signer = SigV4Signer(region: "us-east-1", service: "service", normalizePath: true, signBody: false,
                                 signsSessionToken: true, keyCache: SigningKeyCache())
        let keys = self.keys
        let date = self.date
        let authorizations = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    var request = HTTPRequest(method: "GET", host: "example.amazonaws.com")
                    signer.sign(&request, credentials: keys, date: date)
                    return request.headers["Authorization"] ?? ""
                }
            }
            var all: Set<String> = []
            for await value in group { all.insert(value) }
            return all
        }
        XCTAssertEqual(authorizations, [
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        ])
    }

    func testHostHeaderIsAddedFromTheAuthorityWhenMissing() {
        var request = HTTPRequest(method: "POST", scheme: "http", host: "127.0.0.1", port: 5000, body: Array("Action=GetCallerIdentity".utf8))
        let details = SigV4Signer(region: "us-east-1", service: "sts").signWithDetails(&request, credentials: keys, date: date)
        XCTAssertEqual(request.headers["Host"], "127.0.0.1:5000")
        XCTAssertEqual(details.signedHeaders, "host;x-amz-date")
        XCTAssertTrue(details.canonicalRequest.contains("\nhost:127.0.0.1:5000\n"))
    }

    func testSessionTokenIsSentAndSigned() {
        var request = HTTPRequest(method: "GET", host: "example.amazonaws.com")
        var temporary = keys
        temporary.sessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"
        let details = SigV4Signer(region: "us-east-1", service: "service").signWithDetails(&request, credentials: temporary, date: date)
        XCTAssertEqual(request.headers["X-Amz-Security-Token"], "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267")
        XCTAssertEqual(details.signedHeaders, "host;x-amz-date;x-amz-security-token")
        XCTAssertEqual(details.signature, "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8")
    }

    func testSigningAgainReplacesThePreviousSignature() {
        var request = HTTPRequest(method: "GET", host: "example.amazonaws.com")
        var temporary = keys
        temporary.sessionToken = "first-token"
        let signer = SigV4Signer(region: "us-east-1", service: "service")
        signer.sign(&request, credentials: temporary, date: date.addingTimeInterval(-60))
        signer.sign(&request, credentials: keys, date: date)
        XCTAssertEqual(request.headers.fields.map(\.name), ["Host", "X-Amz-Date", "Authorization"])
        XCTAssertEqual(request.headers["X-Amz-Date"], "20150830T123600Z")
        XCTAssertEqual(
            request.headers["Authorization"],
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
    }

    func testSignBodyAddsThePayloadHash() {
        var request = HTTPRequest(method: "POST", host: "example.amazonaws.com", body: Array("Param1=value1".utf8))
        let details = SigV4Signer(region: "us-east-1", service: "service", signBody: true).signWithDetails(&request, credentials: keys, date: date)
        XCTAssertEqual(request.headers["x-amz-content-sha256"], "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        XCTAssertTrue(details.canonicalRequest.hasSuffix("\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"))
    }

    func testUserAgentAndExpectAreNotSigned() {
        var request = HTTPRequest(method: "GET", host: "example.amazonaws.com",
                                  headers: HTTPHeaders([("User-Agent", "ecslab/1.0"), ("Expect", "100-continue")]))
        let details = SigV4Signer(region: "us-east-1", service: "service").signWithDetails(&request, credentials: keys, date: date)
        XCTAssertEqual(details.signedHeaders, "host;x-amz-date")
    }

    func testCanonicalPathIsEncodedAgainAndNormalized() {
        XCTAssertEqual(SigV4CanonicalRequest.canonicalURI("/a%20b/", normalize: true), "/a%2520b/")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalURI("", normalize: true), "/")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalURI("/a/./b/../c//d", normalize: true), "/a/c/d")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalURI("/a/./b/../c//d", normalize: false), "/a/./b/../c//d")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalURI("/../..", normalize: true), "/")
    }

    func testCanonicalQuerySortsAndEncodesOnce() {
        XCTAssertEqual(SigV4CanonicalRequest.canonicalQuery("b=2&a=1&a=0"), "a=0&a=1&b=2")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalQuery("key&x=a%2Fb&y=a/b&z=a b"), "key=&x=a%2Fb&y=a%2Fb&z=a%20b")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalQuery("p=100%&q=%zz"), "p=100%25&q=%25zz")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalQuery("A=1&a=2&B=3"), "A=1&B=3&a=2")
        XCTAssertEqual(SigV4CanonicalRequest.canonicalQuery(""), "")
    }

    func testHeaderValuesAreTrimmedAndFoldedLinesJoined() {
        XCTAssertEqual(SigV4CanonicalRequest.trimmedValue("  a   b\t c  "), "a b c")
        XCTAssertEqual(SigV4CanonicalRequest.trimmedValue("value1\n  value2\r\n     value3"), "value1 value2 value3")
    }
}

@testable import AWS
import XCTest

final class AWSServiceErrorTests: XCTestCase {
    func testParsesQueryXMLErrors() {
        let body = """
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <Error>
            <Type>Sender</Type>
            <Code>NoSuchEntity</Code>
            <Message>The user with name bob cannot be found.</Message>
          </Error>
          <RequestId>4c6b3f1e-0000</RequestId>
        </ErrorResponse>
        """
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 404, body: Array(body.utf8)))
        XCTAssertEqual(error, AWSServiceError(
            code: "NoSuchEntity", message: "The user with name bob cannot be found.", requestID: "4c6b3f1e-0000",
            statusCode: 404, type: "Sender"
        ))
        XCTAssertEqual(error.description, "NoSuchEntity: The user with name bob cannot be found. (HTTP 404, request ID 4c6b3f1e-0000)")
    }

    func testParsesEC2XMLErrors() {
        let body = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>ec2-req</RequestID></Response>
        """
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 400, body: Array(body.utf8)))
        XCTAssertEqual(error, AWSServiceError(
            code: "InvalidVpcID.NotFound", message: "The vpc ID 'vpc-1' does not exist", requestID: "ec2-req", statusCode: 400
        ))
    }

    func testParsesRestXMLErrors() {
        let body = "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>s3-req</RequestId></Error>"
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 404, body: Array(body.utf8)))
        XCTAssertEqual(error, AWSServiceError(
            code: "NoSuchBucket", message: "The specified bucket does not exist", requestID: "s3-req", statusCode: 404
        ))
    }

    func testParsesJSONErrorsStrippingNamespaceAndSuffix() {
        let headers = HTTPHeaders([("x-amzn-RequestId", "json-req")])
        let body = #"{"__type":"com.amazonaws.ecs#ClusterNotFoundException:http://internal.amazon.com/","message":"Cluster not found."}"#
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 400, headers: headers, body: Array(body.utf8)))
        XCTAssertEqual(error, AWSServiceError(
            code: "ClusterNotFoundException", message: "Cluster not found.", requestID: "json-req", statusCode: 400
        ))
    }

    func testParsesJSONErrorsWithCapitalisedMessage() {
        let body = #"{"__type":"ThrottlingException","Message":"Rate exceeded"}"#
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 400, body: Array(body.utf8)))
        XCTAssertEqual(error, AWSServiceError(code: "ThrottlingException", message: "Rate exceeded", statusCode: 400))
    }

    func testParsesRestJSONErrorsFromTheErrorTypeHeader() {
        let headers = HTTPHeaders([
            ("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.scheduler/"),
            ("x-amzn-RequestId", "rest-req"),
        ])
        let body = #"{"Message":"Schedule nightly does not exist."}"#
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 404, headers: headers, body: Array(body.utf8)))
        XCTAssertEqual(error, AWSServiceError(
            code: "ResourceNotFoundException", message: "Schedule nightly does not exist.", requestID: "rest-req", statusCode: 404
        ))
    }

    func testRestoresQueryCompatibleCodes() {
        let headers = HTTPHeaders([("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")])
        let body = #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 400, headers: headers, body: Array(body.utf8)))
        XCTAssertEqual(error.code, "AWS.SimpleQueueService.NonExistentQueue")
        XCTAssertEqual(error.type, "Sender")
    }

    func testFallsBackToTheStatusWhenTheBodySaysNothing() {
        let empty = AWSErrorResponseParser.parse(HTTPResponse(status: 503))
        XCTAssertEqual(empty, AWSServiceError(code: "503", message: "Service Unavailable", statusCode: 503))
        XCTAssertEqual(empty.description, "503: Service Unavailable (HTTP 503)")

        let html = "<html>\n<body>\n<h1>502 Bad Gateway</h1>\n</body>\n</html>\n"
        let proxy = AWSErrorResponseParser.parse(HTTPResponse(status: 502, body: Array(html.utf8)))
        XCTAssertEqual(
            proxy,
            AWSServiceError(
                code: "502", message: "The endpoint answered with a web page (\"502 Bad Gateway\"), not as AWS does; check that the endpoint URL is an AWS service's",
                statusCode: 502, isAWSAnswer: false))
        XCTAssertEqual(
            proxy.description, "The endpoint answered with a web page (\"502 Bad Gateway\"), not as AWS does; check that the endpoint URL is an AWS service's (HTTP 502)")
        let text = AWSErrorResponseParser.parse(HTTPResponse(status: 502, body: Array("upstream connect error\n".utf8)))
        XCTAssertEqual(text, AWSServiceError(code: "502", message: "upstream connect error", statusCode: 502))
    }

    func testDescriptionIsOneLine() {
        let error = AWSServiceError(code: "ValidationError", message: "first line\n  second line\n", statusCode: 400)
        XCTAssertEqual(error.description, "ValidationError: first line second line (HTTP 400)")
    }

    /// Found by ResponseFuzzTests: a request ID (or code) with a line break
    /// in the body broke the description over lines.
    func testDescriptionKeepsCodeAndRequestIDOnOneLineToo() {
        let body = "<Response><Errors><Error><Code>Bad\nCode</Code><Message>m</Message></Error></Errors><RequestID>\r\n</RequestID></Response>"
        let error = AWSErrorResponseParser.parse(HTTPResponse(status: 400, body: Array(body.utf8)))
        XCTAssertEqual(error.code, "Bad\nCode")
        XCTAssertEqual(error.description, "Bad Code: m (HTTP 400)")
        XCTAssertEqual(
            AWSServiceError(code: "X", message: "m", requestID: "r-1\nr-2", statusCode: 500).description, "X: m (HTTP 500, request ID r-1 r-2)")
    }

    func testTransportErrorsSayOneSentence() {
        XCTAssertEqual(
            AWSTransportError(kind: .connectionRefused, host: "127.0.0.1:5000", detail: "Failed to connect").description,
            "Could not connect to 127.0.0.1:5000: the connection was refused (is the server running?)."
        )
        XCTAssertEqual(
            AWSTransportError(kind: .insecureEndpoint, host: "example.com").description,
            "Refusing to send a request to example.com over plain http://; only loopback hosts (127.0.0.0/8, ::1, localhost) may use http, so use an https:// endpoint."
        )
        XCTAssertEqual(
            AWSTransportError(kind: .hostNotFound, host: "sts.nowhere.invalid").description,
            "Could not resolve the host name sts.nowhere.invalid; check the endpoint and your network or DNS settings."
        )
        XCTAssertEqual(
            AWSTransportError(kind: .tls, host: "self-signed.example", detail: "SSL certificate problem:\nself-signed certificate").description,
            "The TLS connection to self-signed.example failed: SSL certificate problem: self-signed certificate."
        )
    }
}

extension AWSServiceErrorTests {
    func testParsesMotosAuthenticationErrorShape() {
        let body = """
        <?xml version="1.0" encoding="utf-8"?>
        <ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>
        """
        let error = AWSErrorResponseParser.parse(HTTPResponse(
            status: 403, headers: HTTPHeaders([("x-amzn-RequestId", "moto-req")]), body: Array(body.utf8)
        ))
        XCTAssertEqual(error, AWSServiceError(
            code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match.",
            requestID: "moto-req", statusCode: 403, type: "Sender"
        ))
    }
}

import Foundation
import JSON

/// Reads an `AWSServiceError` out of a failed HTTP response. The protocol is
/// recognised from the body itself, so one parser serves every service:
///
/// - query: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
/// - ec2: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`
/// - rest-xml: `<Error><Code/><Message/><RequestId/></Error>`
/// - moto's signature and policy errors: `<ErrorResponse><Errors><Error>...`
/// - json and rest-json: `{"__type": "ns#Code:suffix", "message": "..."}` with
///   the `x-amzn-ErrorType` and `x-amzn-RequestId` headers.
///
/// Codes are cleaned as botocore cleans them: what follows `#` and precedes
/// `:`; `x-amzn-query-error` (`Code;Sender`) restores a former query
/// service's code, as the SDKs do.
public enum AWSErrorResponseParser {
    public static func parse(_ response: HTTPResponse) -> AWSServiceError {
        var error = AWSServiceError(
            code: "", message: "", requestID: headerRequestID(response.headers), statusCode: response.status
        )
        let start = response.body.firstIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        let body = start.map { Array(response.body[$0...]) } ?? []
        var understood = false
        if body.first == UInt8(ascii: "<"), let root = try? XMLElement(parsing: body) {
            understood = read(xml: root, into: &error)
        } else if body.first == UInt8(ascii: "{"), case .object(let object)? = try? JSON(parsing: body) {
            understood = read(json: object, into: &error)
        }

        if let headerType = response.headers["x-amzn-ErrorType"], !headerType.isEmpty {
            // rest-json names the error in this header; it wins over the body.
            error.code = cleanCode(headerType)
        }
        if let queryError = response.headers["x-amzn-query-error"] {
            let parts = queryError.split(separator: ";", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty {
                error.code = String(parts[0])
                error.type = String(parts[1])
            }
        }
        if error.code.isEmpty {
            error.code = String(response.status)
        }
        if error.message.isEmpty {
            if !understood, let page = WebPageSummary(body, contentType: response.headers["Content-Type"]) {
                // A web server or a proxy, not AWS: its markup would say nothing to a learner.
                error.message = page.sentence
                error.isAWSAnswer = false
            } else if !understood, !body.isEmpty {
                error.message = excerpt(body)
            } else {
                error.message = HTTPStatusPhrase.phrase(for: response.status)
            }
        }
        return error
    }

    private static func read(xml root: XMLElement, into error: inout AWSServiceError) -> Bool {
        let element: XMLElement
        switch root.localName {
        case "ErrorResponse", "Response":
            // moto's own authentication errors mix the two shapes:
            // <ErrorResponse><Errors><Error>, so both parents are looked in.
            guard let found = root.child("Error") ?? root.descendant("Errors", "Error") else { return false }
            element = found
        case "Error":
            element = root
        default:
            return false
        }
        error.code = cleanCode(element.text(at: "Code") ?? "")
        error.message = element.text(at: "Message") ?? element.text(at: "message") ?? ""
        if let type = element.text(at: "Type"), !type.isEmpty { error.type = type }
        let requestID = root.text(at: "RequestId") ?? root.text(at: "RequestID") ?? root.text(at: "requestId")
            ?? element.text(at: "RequestId")
        if let requestID, !requestID.isEmpty { error.requestID = requestID }
        return true
    }

    private static func read(json object: JSONObject, into error: inout AWSServiceError) -> Bool {
        for key in ["__type", "code", "Code"] {
            if case .string(let code)? = object[key], !code.isEmpty {
                error.code = cleanCode(code)
                break
            }
        }
        for key in ["message", "Message", "errorMessage"] {
            if case .string(let message)? = object[key] {
                error.message = message
                break
            }
        }
        return true
    }

    /// `com.amazonaws.ecs#ClientException` -> `ClientException`;
    /// `ValidationException:http://internal.amazon.com/...` -> `ValidationException`.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw.trimmingCharacters(in: .whitespaces))
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code)
    }

    private static func headerRequestID(_ headers: HTTPHeaders) -> String? {
        headers["x-amzn-RequestId"] ?? headers["x-amz-request-id"]
    }

    /// An unrecognised body (an HTML page from a proxy, say), cut to one short line.
    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return body.count > 300 ? line + "…" : line
    }
}

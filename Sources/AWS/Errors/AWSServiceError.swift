import Foundation

/// An error answer from an AWS service (or from moto standing in for one),
/// whatever its protocol wrote it as: query XML, ec2 XML, rest-xml, json or
/// rest-json all end up here with the same four facts.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code without namespace or suffix, e.g. `AccessDenied`,
    /// `InvalidParameterException`; the HTTP status in digits when the
    /// response named none.
    public var code: String
    public var message: String
    public var requestID: String?
    public var statusCode: Int
    /// `Sender` or `Receiver`, when the service says whose fault it was.
    public var type: String?
    /// False when the answer was a web page: what answered is a web server or
    /// a proxy, not AWS, and the endpoint is the likely mistake.
    public var isAWSAnswer: Bool

    public init(code: String, message: String, requestID: String? = nil, statusCode: Int, type: String? = nil, isAWSAnswer: Bool = true) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.statusCode = statusCode
        self.type = type
        self.isAWSAnswer = isAWSAnswer
    }

    /// One line: `AccessDenied: User ... is not authorized (HTTP 403, request ID 1c2d...)`.
    public var description: String {
        // The code and request ID come from the body too, and can break lines as a message can.
        let code = Self.oneLine(code)
        let message = Self.oneLine(message)
        // A web page's status is no AWS error code: the message says what answered.
        var text = message.isEmpty ? code : isAWSAnswer ? "\(code): \(message)" : message
        text += " (HTTP \(statusCode)"
        if let requestID = requestID.map(Self.oneLine), !requestID.isEmpty { text += ", request ID \(requestID)" }
        return text + ")"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

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

    public init(code: String, message: String, requestID: String? = nil, statusCode: Int, type: String? = nil) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.statusCode = statusCode
        self.type = type
    }

    /// One line: `AccessDenied: User ... is not authorized (HTTP 403, request ID 1c2d...)`.
    public var description: String {
        let oneLine = message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        var text = oneLine.isEmpty ? code : "\(code): \(oneLine)"
        text += " (HTTP \(statusCode)"
        if let requestID, !requestID.isEmpty { text += ", request ID \(requestID)" }
        return text + ")"
    }
}

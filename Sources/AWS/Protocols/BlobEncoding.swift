import Foundation
import JSON

/// Blob parameters arrive as text (the CLI's convention) and go on the wire base64-encoded.
enum BlobEncoding {
    static func base64(_ value: JSON, at path: String) throws(RequestSerializationError) -> String {
        guard let text = value.stringValue else {
            throw RequestSerializationError("\(path) must be a string (a blob's bytes)")
        }
        return Data(text.utf8).base64EncodedString()
    }
}

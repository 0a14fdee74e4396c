/// `application/x-www-form-urlencoded` as Python's `urlencode` writes it
/// (which botocore uses for query bodies): unreserved characters stay, a space
/// becomes `+`, every other byte is `%XX`.
enum FormURLEncoding {
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                output += "+"
            default:
                output += "%" + hex(byte >> 4) + hex(byte & 0xF)
            }
        }
        return output
    }

    /// Percent-encoding for URI path labels and query strings, as botocore's
    /// `percent_encode` (safe: unreserved plus `safe`).
    static func percentEncode(_ text: String, safe: Set<UInt8> = []) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                if safe.contains(byte) {
                    output.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    output += "%" + hex(byte >> 4) + hex(byte & 0xF)
                }
            }
        }
        return output
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(nibble, radix: 16, uppercase: true)
    }
}

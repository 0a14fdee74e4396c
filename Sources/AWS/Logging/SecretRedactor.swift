import Foundation

/// Removes secrets from what `--debug` prints: signing headers, presigned
/// query parameters, and secret-bearing fields inside JSON, XML and form
/// bodies (STS AssumeRole's `SecretAccessKey` and `SessionToken`, IAM
/// CreateAccessKey, ECR GetAuthorizationToken's `authorizationToken`, EC2
/// CreateKeyPair's `keyMaterial`, passwords).
///
/// Bodies are redacted as text, not parsed and re-printed, so what is shown is
/// otherwise byte for byte what went over the wire, and a body cut short still
/// loses its secrets.
public enum SecretRedactor {
    public static let placeholder = "<redacted>"

    /// Header names (lower-cased) whose whole value is secret.
    public static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-amz-security-token", "cookie", "set-cookie",
    ]

    /// How the name of a secret ends, once lower-cased with everything but
    /// letters and digits dropped: `DB_PASSWORD`, `SecretAccessKey`, `apiKey`,
    /// `x-amz-security-token`. Matching ends rather than whole names catches
    /// the names people give environment variables, not only AWS's own.
    /// `accesskey` alone is left out: IAM's `<AccessKey>` is the element that
    /// holds the key's id and user name besides its secret.
    public static let secretNameEndings: [String] = [
        "password", "passwd", "passphrase", "secret", "secretstring", "secretbinary", "authorization", "signature",
        "privatekey", "secretkey", "secretaccesskey", "apikey", "sharedkey", "keymaterial", "token", "tokenvalue", "tokenstring",
    ]

    /// Names that end like a secret but are not one: paging, ordering and
    /// idempotency tokens, which learners need to see, and public keys.
    public static let publicNameEndings: [String] = [
        "nexttoken", "paginationtoken", "continuationtoken", "startingtoken", "sequencetoken", "forwardtoken",
        "backwardtoken", "clienttoken", "requesttoken", "idempotencytoken", "publickeymaterial",
    ]

    public static func redactHeader(name: String, value: String) -> String {
        secretHeaders.contains(name.lowercased()) ? placeholder : value
    }

    /// Whether a field, variable or member of this name holds a secret. The
    /// one rule for every redaction: `--debug` bodies and shown `aws` commands.
    public static func isSecretField(_ name: some StringProtocol) -> Bool {
        var local = Substring(name)
        if let colon = local.lastIndex(of: ":") { local = local[local.index(after: colon)...] }
        if let dot = local.lastIndex(of: ".") { local = local[local.index(after: dot)...] }
        let folded = String(local.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        if publicNameEndings.contains(where: folded.hasSuffix) { return false }
        return secretNameEndings.contains(where: folded.hasSuffix)
    }

    /// The body with every secret field's value replaced by the placeholder.
    public static func redactBody(_ body: [UInt8]) -> [UInt8] {
        let first = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return redactJSON(body)
        case UInt8(ascii: "<"):
            return redactXML(body)
        default:
            return redactForm(body)
        }
    }

    /// `a=1&Password=x` -> `a=1&Password=<redacted>`; also for URL query strings.
    public static func redactForm(_ body: [UInt8]) -> [UInt8] {
        guard body.contains(UInt8(ascii: "=")) else { return body }
        let pairs = body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false)
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                let rawName = String(decoding: pair[..<equals], as: UTF8.self)
                let name = rawName.removingPercentEncoding ?? rawName
                if isSecretField(name) {
                    output.append(contentsOf: pair[...equals])
                    output.append(contentsOf: placeholder.utf8)
                    continue
                }
            }
            output.append(contentsOf: pair)
        }
        return output
    }

    /// Replaces the string value of every secret key: `"SessionToken": "..."`.
    public static func redactJSON(_ body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            guard body[index] == UInt8(ascii: "\"") else {
                output.append(body[index])
                index += 1
                continue
            }
            let keyEnd = endOfJSONString(body, from: index)
            output.append(contentsOf: body[index..<keyEnd])
            let key = String(decoding: body[(index + 1)..<max(index + 1, keyEnd - 1)], as: UTF8.self)
            index = keyEnd
            var next = skipJSONWhitespace(body, from: index)
            guard next < body.count, body[next] == UInt8(ascii: ":"), isSecretField(key) else { continue }
            next = skipJSONWhitespace(body, from: next + 1)
            guard next < body.count, body[next] == UInt8(ascii: "\"") else { continue }
            output.append(contentsOf: body[index...next])
            output.append(contentsOf: placeholder.utf8)
            output.append(UInt8(ascii: "\""))
            index = endOfJSONString(body, from: next)
        }
        return output
    }

    /// Replaces the content of every secret element: `<SessionToken>...</SessionToken>`.
    public static func redactXML(_ body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        while index < body.count {
            guard body[index] == UInt8(ascii: "<"), index + 1 < body.count, body[index + 1] != UInt8(ascii: "/") else {
                output.append(body[index])
                index += 1
                continue
            }
            var nameEnd = index + 1
            while nameEnd < body.count, !isXMLNameEnd(body[nameEnd]) { nameEnd += 1 }
            let name = Array(body[(index + 1)..<nameEnd])
            guard let tagEnd = body[nameEnd...].firstIndex(of: UInt8(ascii: ">")) else {
                output.append(contentsOf: body[index...])
                break
            }
            output.append(contentsOf: body[index...tagEnd])
            index = tagEnd + 1
            let selfClosing = body[tagEnd - 1] == UInt8(ascii: "/")
            guard !selfClosing, !name.isEmpty, isSecretField(String(decoding: name, as: UTF8.self)) else { continue }
            output.append(contentsOf: placeholder.utf8)
            let closing = Array("</".utf8) + name
            if let close = firstIndex(of: closing, in: body, from: index) {
                index = close
            } else {
                index = body.count
            }
        }
        return output
    }

    private static func endOfJSONString(_ body: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < body.count {
            switch body[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return body.count
    }

    private static func skipJSONWhitespace(_ body: [UInt8], from start: Int) -> Int {
        var index = start
        while index < body.count, body[index] == 0x20 || body[index] == 0x0A || body[index] == 0x0D || body[index] == 0x09 {
            index += 1
        }
        return index
    }

    private static func isXMLNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

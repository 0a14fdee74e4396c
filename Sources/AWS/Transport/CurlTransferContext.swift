/// What libcurl's callbacks write into during one transfer. It reaches them
/// as the `void *` user pointer, retained for exactly the duration of
/// `curl_easy_perform` (see `CurlTransfer`).
final class CurlTransferContext {
    let cancellation: TransferCancellation
    var headers = HTTPHeaders()
    var body: [UInt8] = []

    init(cancellation: TransferCancellation) {
        self.cancellation = cancellation
    }

    /// libcurl hands over header lines one at a time, with their CRLF, and
    /// starts over with a new status line after `100 Continue`.
    func receiveHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        // "\r\n" is one Character, so test for newlines, not for "\r" and "\n".
        while let last = line.last, last.isNewline { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingWhitespace
        let value = line[line.index(after: colon)...].trimmingWhitespace
        guard !name.isEmpty else { return }
        headers.add(String(name), String(value))
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}

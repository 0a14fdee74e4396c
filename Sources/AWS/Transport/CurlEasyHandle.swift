import CCurl

/// A libcurl easy handle, owned by one transfer thread for its whole life.
/// The handle keeps its connections open between transfers (`curl_easy_reset`
/// clears options, not the connection cache), which is how calls reuse them.
/// It is not `Sendable`: it never leaves the thread that created it.
final class CurlEasyHandle {
    let pointer: UnsafeMutableRawPointer

    init?() {
        guard CurlGlobalState.isReady, let pointer = curl_easy_init() else { return nil }
        self.pointer = pointer
    }

    deinit {
        curl_easy_cleanup(pointer)
    }
}

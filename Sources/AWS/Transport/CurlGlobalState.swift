import CCurl

/// `curl_global_init` must run once, before any other libcurl call and never
/// concurrently with one; a static `let` gives exactly that (Swift initializes
/// globals once, thread-safely, on first use).
enum CurlGlobalState {
    static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    static var isReady: Bool { initialization == CURLE_OK }
}

import CCurl

/// One request sent with a thread's easy handle: sets the options, runs the
/// blocking `curl_easy_perform`, and turns the outcome into a response or a
/// typed error. Every pointer handed to libcurl (the callbacks' context, the
/// header list, the error buffer) is valid only inside `run`, and the handle is
/// reset before `run` returns so it keeps none of them.
struct CurlTransfer {
    let request: HTTPRequest
    let options: CurlTransportOptions
    let cancellation: TransferCancellation

    struct Outcome {
        var result: Result<HTTPResponse, any Error>
        /// New connections libcurl opened for this transfer: 0 when it reused one.
        var connectionsOpened: Int
    }

    func run(on handle: CurlEasyHandle) -> Outcome {
        if cancellation.isCancelled {
            return Outcome(result: .failure(CancellationError()), connectionsOpened: 0)
        }
        let curl = handle.pointer

        let context = CurlTransferContext(cancellation: cancellation)
        let contextPointer = Unmanaged.passRetained(context).toOpaque()
        defer { Unmanaged<CurlTransferContext>.fromOpaque(contextPointer).release() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for line in headerLines {
            headerList = curl_slist_append(headerList, line)
        }
        // Declared last, so it runs first: the handle forgets the context and
        // the header list before either is released.
        defer { curl_easy_reset(curl) }

        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            var setup = Setup(curl: curl)
            setup.pointer(CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(buffer.baseAddress))
            defer { _ = ecslab_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, nil) }
            configure(&setup, headerList: headerList, context: contextPointer)
            if let failure = setup.failure { return failure }
            return curl_easy_perform(curl)
        }
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var connects = 0
        _ = ecslab_curl_getinfo_long(curl, CURLINFO_NUM_CONNECTS, &connects)

        guard code == CURLE_OK else {
            return Outcome(result: .failure(error(for: code, detail: detail, curl: curl)), connectionsOpened: connects)
        }
        var status = 0
        _ = ecslab_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        let response = HTTPResponse(status: status, headers: context.headers, body: context.body)
        return Outcome(result: .success(response), connectionsOpened: connects)
    }

    /// Collects the first failing `curl_easy_setopt`, so a refused option
    /// stops the transfer instead of sending something other than asked.
    private struct Setup {
        let curl: UnsafeMutableRawPointer
        var failure: CURLcode?

        mutating func check(_ code: CURLcode) {
            if code != CURLE_OK, failure == nil { failure = code }
        }
        mutating func long(_ option: CURLoption, _ value: Int) {
            check(ecslab_curl_setopt_long(curl, option, value))
        }
        mutating func string(_ option: CURLoption, _ value: String) {
            check(ecslab_curl_setopt_string(curl, option, value))
        }
        mutating func pointer(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) {
            check(ecslab_curl_setopt_pointer(curl, option, value))
        }
    }

    private func configure(_ setup: inout Setup, headerList: UnsafeMutablePointer<curl_slist>?, context: UnsafeMutableRawPointer) {
        let curl = setup.curl
        setup.string(CURLOPT_URL, request.url)
        setup.string(CURLOPT_PROTOCOLS_STR, "http,https")
        // Signals cannot reach a worker thread safely; libcurl then relies on
        // its threaded resolver for DNS timeouts.
        setup.long(CURLOPT_NOSIGNAL, 1)
        setup.long(CURLOPT_SSL_VERIFYPEER, 1)
        setup.long(CURLOPT_SSL_VERIFYHOST, 2)
        setup.long(CURLOPT_FOLLOWLOCATION, 0)
        setup.long(CURLOPT_TCP_KEEPALIVE, 1)
        setup.long(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.curlMilliseconds)
        setup.long(CURLOPT_TIMEOUT_MS, options.totalTimeout.curlMilliseconds)
        // CURLOPT_PROXY stays unset, so libcurl reads http_proxy, HTTPS_PROXY
        // and NO_PROXY from the environment by itself.

        switch request.method {
        case "GET" where request.body.isEmpty:
            setup.long(CURLOPT_HTTPGET, 1)
        case "HEAD":
            setup.long(CURLOPT_NOBODY, 1)
        default:
            if request.method != "POST" { setup.string(CURLOPT_CUSTOMREQUEST, request.method) }
            if !request.body.isEmpty || request.method == "POST" {
                setup.check(ecslab_curl_setopt_off_t(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
                // COPYPOSTFIELDS copies the bytes, so nothing points into the
                // Swift array once this call returns.
                var bytes = request.body.isEmpty ? [0] : request.body
                bytes.withUnsafeMutableBytes { buffer in
                    setup.pointer(CURLOPT_COPYPOSTFIELDS, buffer.baseAddress)
                }
            }
        }
        setup.check(ecslab_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, headerList))

        setup.check(ecslab_curl_setopt_data_callback(curl, CURLOPT_WRITEFUNCTION) { buffer, size, count, user in
            let length = size * count
            guard let buffer, let user else { return length }
            let context = Unmanaged<CurlTransferContext>.fromOpaque(user).takeUnretainedValue()
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                context.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            }
            return length
        })
        setup.pointer(CURLOPT_WRITEDATA, context)
        setup.check(ecslab_curl_setopt_data_callback(curl, CURLOPT_HEADERFUNCTION) { buffer, size, count, user in
            let length = size * count
            guard let buffer, let user else { return length }
            let context = Unmanaged<CurlTransferContext>.fromOpaque(user).takeUnretainedValue()
            buffer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                context.receiveHeaderLine(UnsafeBufferPointer(start: bytes, count: length))
            }
            return length
        })
        setup.pointer(CURLOPT_HEADERDATA, context)
        setup.long(CURLOPT_NOPROGRESS, 0)
        setup.check(ecslab_curl_setopt_xferinfo_callback(curl) { user, _, _, _, _ in
            guard let user else { return 0 }
            let context = Unmanaged<CurlTransferContext>.fromOpaque(user).takeUnretainedValue()
            // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
            return context.cancellation.isCancelled ? 1 : 0
        })
        setup.pointer(CURLOPT_XFERINFODATA, context)
    }

    /// The request's headers as libcurl takes them, plus blank ones that stop
    /// libcurl from adding headers of its own that the request did not ask for.
    var headerLines: [String] {
        var lines: [String] = []
        for (name, value) in request.headers.fields {
            let clean = value.filter { $0 != "\r" && $0 != "\n" }
            // "Name;" is libcurl's way to send a header with an empty value.
            lines.append(clean.isEmpty ? "\(name);" : "\(name): \(clean)")
        }
        for name in ["Accept", "Content-Type", "Expect"] where request.headers[name] == nil {
            lines.append("\(name):")
        }
        return lines
    }

    private func error(for code: CURLcode, detail: String, curl: UnsafeMutableRawPointer) -> any Error {
        let host = request.authority
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return CancellationError()
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return AWSTransportError(kind: .invalidURL, host: host, detail: text)
        case CURLE_COULDNT_RESOLVE_HOST:
            return AWSTransportError(kind: .hostNotFound, host: request.host, detail: text)
        case CURLE_COULDNT_RESOLVE_PROXY:
            return AWSTransportError(kind: .proxyNotFound, host: host, detail: text)
        case CURLE_COULDNT_CONNECT:
            return AWSTransportError(kind: .connectionRefused, host: host, detail: text)
        case CURLE_OPERATION_TIMEDOUT:
            var connected = 0.0
            _ = ecslab_curl_getinfo_double(curl, CURLINFO_CONNECT_TIME, &connected)
            return AWSTransportError(kind: connected > 0 ? .timeout : .connectTimeout, host: host, detail: text)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return AWSTransportError(kind: .connectionReset, host: host, detail: text)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED:
            return AWSTransportError(kind: .tls, host: host, detail: text)
        default:
            return AWSTransportError(kind: .other, host: host, detail: text)
        }
    }
}

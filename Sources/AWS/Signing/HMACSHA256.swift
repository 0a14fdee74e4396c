import COpenSSL

/// HMAC-SHA256 from libcrypto, the keyed hash that derives SigV4 signing keys and signatures.
enum HMACSHA256 {
    static func authenticate(_ message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: SHA256.byteCount)
        var length: UInt32 = 0
        let keyBytes = Array(key)
        let messageBytes = Array(message)
        let result = keyBytes.withUnsafeBytes { keyBuffer in
            messageBytes.withUnsafeBufferPointer { messageBuffer in
                mac.withUnsafeMutableBufferPointer { output in
                    HMAC(
                        EVP_sha256(), keyBuffer.baseAddress, Int32(keyBuffer.count),
                        messageBuffer.baseAddress, messageBuffer.count, output.baseAddress, &length
                    )
                }
            }
        }
        // HMAC only fails when libcrypto cannot allocate; signing cannot go on without it.
        precondition(result != nil && Int(length) == SHA256.byteCount, "libcrypto failed to compute HMAC-SHA256")
        return mac
    }

    static func authenticate(_ message: String, key: some Collection<UInt8>) -> [UInt8] {
        authenticate(Array(message.utf8), key: key)
    }
}

import Foundation

/// Whether a host is this machine. Only such hosts may be reached over plain
/// `http://` (the local moto server); anything else would carry signed
/// requests, and the keys they return, across the network unencrypted.
enum LoopbackHost {
    static func contains(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") {
            name = String(name.dropFirst().dropLast())
        }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" { return true }

        var ipv4 = in_addr()
        if inet_pton(AF_INET, name, &ipv4) == 1 {
            // s_addr is in network byte order: its first byte is the first octet.
            return withUnsafeBytes(of: &ipv4) { $0.first == 127 }
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, name, &ipv6) == 1 {
            let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
            return bytes == [UInt8](repeating: 0, count: 15) + [1]
        }
        return false
    }
}

/// An IPv4 address block such as `10.0.0.0/16`; a bare address is a /32.
public struct CIDRBlock: Sendable, Equatable, CustomStringConvertible {
    public let address: UInt32
    public let prefixLength: Int

    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var address: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, let value = UInt32(octet), value <= 255 else { return nil }
            address = address << 8 | value
        }
        var prefix = 32
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...32).contains(value) else { return nil }
            prefix = value
        }
        self.prefixLength = prefix
        self.address = address & CIDRBlock.mask(prefix)
    }

    static func mask(_ prefix: Int) -> UInt32 {
        prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
    }

    /// Whether `other` lies entirely inside this block.
    public func contains(_ other: CIDRBlock) -> Bool {
        other.prefixLength >= prefixLength && other.address & CIDRBlock.mask(prefixLength) == address
    }

    /// Whether the two blocks share any address.
    public func overlaps(_ other: CIDRBlock) -> Bool {
        contains(other) || other.contains(self)
    }

    public var description: String {
        let octets = [24, 16, 8, 0].map { String((address >> UInt32($0)) & 0xFF) }
        return octets.joined(separator: ".") + "/\(prefixLength)"
    }
}

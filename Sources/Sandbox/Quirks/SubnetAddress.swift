import Foundation

/// moto gives a task's network interface a random 10.x address; AWS gives one
/// from the task's subnet. The sandbox picks the subnet address it shows.
enum SubnetAddress {
    /// The `index`-th usable host of `cidr` (AWS keeps the first four and the
    /// last address of every subnet), or nil for a malformed block.
    static func host(_ index: Int, in cidr: String) -> String? {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), (16...28).contains(bits) else { return nil }
        let octets = parts[0].split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        let base = octets.reduce(0) { $0 << 8 | $1 } & ~(UInt32.max >> UInt32(bits))
        let size = UInt32(1) << UInt32(32 - bits)
        let offset = UInt32(4 + index)
        guard offset < size - 1 else { return nil }
        let address = base + offset
        return [24, 16, 8, 0].map { String((address >> UInt32($0)) & 255) }.joined(separator: ".")
    }

    /// `ip-10-0-1-4.<region>.compute.internal`, as EC2 names private hosts.
    static func dnsName(_ address: String, region: String) -> String {
        let host = "ip-" + address.replacingOccurrences(of: ".", with: "-")
        return region == "us-east-1" ? "\(host).ec2.internal" : "\(host).\(region).compute.internal"
    }
}

/// Byte-level damage a parser must survive: flipped bits, bytes that start
/// or break UTF-8 sequences, spans deleted, doubled or moved, and
/// truncation. Format-aware mutations live with each fuzz test; these know
/// nothing of the format.
public enum ByteMutation {
    /// Sequences that are not UTF-8: a lone continuation byte, an overlong
    /// `/`, a UTF-16 surrogate, a code point past U+10FFFF, a cut-off
    /// three-byte sequence, bytes UTF-8 never uses, and a NUL.
    public static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFE], [0xFF], [0x00],
    ]

    /// One to three random edits.
    public static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0...random.below(3) {
            edit(&bytes, &random)
        }
        return bytes
    }

    /// The length classes a truncation should hit: nothing, a byte or two,
    /// short prefixes, every sixteenth of the way, and all but the last byte.
    public static func truncationLengths(of count: Int) -> [Int] {
        var lengths = Set(0...min(count, 8))
        for sixteenth in 1..<16 { lengths.insert(count * sixteenth / 16) }
        lengths.insert(max(0, count - 1))
        return lengths.sorted()
    }

    private static func edit(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let start = random.below(bytes.count + 1)
        let end = min(bytes.count, start + 1 + random.below(16))
        switch random.below(8) {
        case 0 where start < bytes.count:
            bytes[start] ^= UInt8(1) << UInt8(random.below(8))
        case 1 where start < bytes.count:
            bytes[start] = UInt8(truncatingIfNeeded: random.next())
        case 2:
            bytes.insert(contentsOf: invalidUTF8[random.below(invalidUTF8.count)], at: start)
        case 3:
            bytes.removeSubrange(start..<end)
        case 4:
            bytes.insert(contentsOf: bytes[start..<end], at: start)
        case 5:
            let span = Array(bytes[start..<end])
            bytes.removeSubrange(start..<end)
            bytes.insert(contentsOf: span, at: random.below(bytes.count + 1))
        case 6:
            bytes.removeSubrange(random.below(bytes.count + 1)...)
        default:
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: start)
        }
    }
}

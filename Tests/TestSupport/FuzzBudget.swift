import Foundation

/// How much a fuzz test does: a fixed seed and a small number of inputs by
/// default, so that the suite stays fast and a failure repeats;
/// `ECSLAB_FUZZ_ITERATIONS` and `ECSLAB_FUZZ_SEED` (decimal or `0x` hex)
/// run it longer or somewhere else by hand.
public struct FuzzBudget: Sendable {
    public static let defaultSeed: UInt64 = 0xEC51AB

    public let iterations: Int
    public let seed: UInt64
    /// `ECSLAB_FUZZ_FAILURES`, a folder: inputs that fail a property are
    /// written there, to be replayed and cut down to a regression test.
    public let failureFolder: URL?

    public init(defaultIterations: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        iterations = environment["ECSLAB_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? defaultIterations
        seed = environment["ECSLAB_FUZZ_SEED"].flatMap(Self.number) ?? Self.defaultSeed
        failureFolder = environment["ECSLAB_FUZZ_FAILURES"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    }

    public func makeRandom() -> SplitMix64 { SplitMix64(seed: seed) }

    /// Writes `bytes` into the failure folder, when there is one.
    public func keep(_ bytes: [UInt8], named name: String) {
        guard let failureFolder else { return }
        try? FileManager.default.createDirectory(at: failureFolder, withIntermediateDirectories: true)
        let safeName = String(name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        try? Data(bytes).write(to: failureFolder.appendingPathComponent(safeName))
    }

    private static func number(_ text: String) -> UInt64? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("0x") { return UInt64(lowered.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}

import Foundation

/// What the state directory remembers of a sandbox server that `sandbox start`
/// left running, so later commands find it and `sandbox stop` can end it.
public struct SandboxRecord: Codable, Sendable, Equatable {
    public var url: String
    public var port: Int
    public var pid: Int32
    public var startedAt: Date
    /// The learner's app folder that simulated Fargate tasks run, when one was given.
    public var appFolder: String?

    public init(url: String, port: Int, pid: Int32, startedAt: Date, appFolder: String?) {
        self.url = url
        self.port = port
        self.pid = pid
        self.startedAt = startedAt
        self.appFolder = appFolder
    }

    public static func read(from url: URL) -> SandboxRecord? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(SandboxRecord.self, from: data)
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

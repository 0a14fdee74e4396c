import Foundation

/// Loads `lessons/*/lesson.yaml` and `checks/*.yaml` under a folder. A broken
/// file is reported and left out; it never stops the others from loading.
public struct CourseLoader: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public struct Result: Sendable {
        public var content: CourseContent
        public var diagnostics: [Diagnostic]
    }

    public func load() -> Result {
        var diagnostics: [Diagnostic] = []
        var lessons: [Lesson] = []
        var checks: [Check] = []
        let fileManager = FileManager.default

        let lessonsFolder = root.appendingPathComponent("lessons")
        let lessonFolders = (try? fileManager.contentsOfDirectory(atPath: lessonsFolder.path))?.sorted() ?? []
        var unloaded: [String: Diagnostic] = [:]
        for folder in lessonFolders where !folder.hasPrefix(".") {
            let file = lessonsFolder.appendingPathComponent(folder).appendingPathComponent("lesson.yaml")
            guard fileManager.fileExists(atPath: file.path) else { continue }
            let known = diagnostics.count
            var decoder = LessonDecoder()
            if let node = parse(file, diagnostics: &diagnostics) {
                if let lesson = decoder.decode(node) {
                    lessons.append(lesson)
                }
                diagnostics += decoder.diagnostics
                if lessons.last?.location.file == displayPath(file) { continue }
            }
            // Asked for by id, this lesson is to be told by its first error, not as one that does not exist.
            if let first = diagnostics[known...].first(where: { $0.severity == .error }) {
                unloaded[Self.lessonID(folder: folder)] = first
            }
        }

        let checksFolder = root.appendingPathComponent("checks")
        let checkFiles = (try? fileManager.contentsOfDirectory(atPath: checksFolder.path))?.sorted() ?? []
        for name in checkFiles where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = checksFolder.appendingPathComponent(name)
            guard let node = parse(file, diagnostics: &diagnostics) else { continue }
            var decoder = CheckDecoder()
            if let decoded = decoder.decode(node) {
                checks += decoded.checks
            }
            diagnostics += decoder.diagnostics
        }

        var prices = PriceList.empty
        let priceFile = root.appendingPathComponent("prices.yaml")
        if fileManager.fileExists(atPath: priceFile.path), let node = parse(priceFile, diagnostics: &diagnostics) {
            var decoder = PriceDecoder()
            prices = decoder.decode(node) ?? .empty
            diagnostics += decoder.diagnostics
        }

        if lessons.isEmpty && diagnostics.isEmpty {
            diagnostics.append(
                Diagnostic(
                    at: SourceLocation(file: displayPath(lessonsFolder)), "no lessons found",
                    suggestion: "a lesson lives in lessons/NN-id/lesson.yaml"))
        }
        var content = CourseContent(lessons: lessons, checks: checks, prices: prices)
        content.unloadedLessons = unloaded
        // Priced for the file's first region until a workspace knows its own.
        return Result(content: prices.regions.first.map { content.priced(in: $0) } ?? content, diagnostics: diagnostics)
    }

    private func parse(_ file: URL, diagnostics: inout [Diagnostic]) -> SourceNode? {
        let path = displayPath(file)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            diagnostics.append(Diagnostic(at: SourceLocation(file: path), "cannot read the file", suggestion: "check its permissions"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(at: SourceLocation(file: path), "the file is not UTF-8 text", suggestion: "save it as UTF-8"))
            return nil
        }
        switch YAMLSource.parse(text, file: path) {
        case .success(let node): return node
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// `03-iam-roles` holds the lesson `iam-roles`: the id a file that cannot
    /// be read would have given.
    static func lessonID(folder: String) -> String {
        let digits = folder.prefix { $0.isNumber }
        guard !digits.isEmpty, folder.dropFirst(digits.count).first == "-" else { return folder }
        return String(folder.dropFirst(digits.count + 1))
    }

    /// Paths in messages are relative to the course folder, as authors know them.
    private func displayPath(_ url: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path.hasPrefix(base + "/") {
            return String(path.dropFirst(base.count + 1))
        }
        return path
    }
}
